import type { NewsAdminDetail, NewsDetail, NewsStatus, NewsSummary } from '../../../../shared';
import { resolveImages } from './domain/sanitize-markdown';
import type { ImageStore } from '../../storage/image-store';
import type { NewsEditItem, NewsItem } from './news-items';

/** `scheduled` is computed here, at read time: no scheduler flips anything anywhere. */
export function newsStatus(item: Pick<NewsItem, 'status' | 'publishAt'>, now: string): NewsStatus {
  if (item.status !== 'published') return item.status;
  return item.publishAt !== null && item.publishAt <= now ? 'published' : 'scheduled';
}

export const isVisible = (item: NewsItem, now: string) => newsStatus(item, now) === 'published';

/** Turns stored items into what clients get, with short-lived signed image URLs. */
export class NewsView {
  constructor(
    private readonly images: ImageStore,
    private readonly now: Date,
    private readonly groupNames: Map<string, string>,
  ) {}

  private ref = async (id: string) => ({ id, url: await this.images.readUrl(id, this.now) });

  async summary(item: NewsItem, read?: boolean): Promise<NewsSummary> {
    return {
      id: item.id,
      groupId: item.groupId,
      groupName: this.groupNames.get(item.groupId) ?? '',
      title: item.title,
      summary: item.summary,
      authorName: item.authorName,
      cover: item.coverImage ? await this.ref(item.coverImage) : null,
      publishAt: item.publishAt,
      pinned: item.pinned,
      status: newsStatus(item, this.now.toISOString()),
      readCount: item.readCount,
      ...(read === undefined ? {} : { read }),
    };
  }

  async detail(item: NewsItem, read?: boolean): Promise<NewsDetail> {
    const urls = new Map(await Promise.all(item.images.map(async (id) => [id, (await this.ref(id)).url] as const)));
    return {
      ...(await this.summary(item, read)),
      schoolIds: item.schoolIds,
      nodes: resolveImages(item.nodes, (id) => urls.get(id) ?? ''),
      images: item.images.map((id) => ({ id, url: urls.get(id)! })),
    };
  }

  async adminDetail(item: NewsItem, history: NewsEditItem[]): Promise<NewsAdminDetail> {
    return {
      ...(await this.detail(item)),
      body: item.body,
      version: item.version,
      history: history.map(({ at, byName, byRole, action, changed, before }) => ({ at, byName, byRole, action, changed, before })),
    };
  }
}
