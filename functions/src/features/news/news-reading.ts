import type { NewsDetail, NewsPage } from '../../../../shared';
import { NotFoundError } from '../../errors';
import { encodeNewsCursor } from './domain/news-cursor';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import type { NewsPageSlice } from './news-repository';
import { isVisible, NewsView } from './news-view';

type Deps = Pick<Infrastructure, 'news' | 'newsImages' | 'catalog' | 'now'>;

/** Reading: a group's list, the 我的动态 feed, detail with the unique-reader count. */
export class NewsReading {
  constructor(private readonly deps: Deps) {}

  /** The reader's groups: those of their bound schools and teacher school, and groups they administer. */
  async groupsOf(user: RequestUser): Promise<Map<string, string>> {
    const items = await user.allItems();
    const schoolIds = new Set<string>();
    const groups = new Map<string, string>();
    for (const item of items) {
      if (item.kind === 'school-binding') schoolIds.add(item.schoolId);
      if (item.kind === 'teacher-binding') schoolIds.add(item.schoolId);
      if (item.kind === 'grant' && item.role === 'group_admin') groups.set(item.scopeId, item.scopeName);
    }
    for (const memberships of await Promise.all([...schoolIds].map((id) => this.deps.catalog.listGroupsOfSchool(id)))) {
      for (const m of memberships) groups.set(m.groupId, m.groupName);
    }
    return groups;
  }

  /**
   * One page over any number of groups: each group's next `limit` visible items below the
   * cursor, merged by sort key. Since every group's key has the same shape, the merged order is
   * the single-group order, and the last key shown is the whole feed's cursor.
   */
  async page(groups: Map<string, string>, before: string | null, limit: number, user: RequestUser | null): Promise<NewsPage> {
    const now = this.deps.now();
    const slices: NewsPageSlice[] = await Promise.all(
      [...groups.keys()].map((id) => this.deps.news.feedPage(id, before, limit, now.toISOString())),
    );
    const merged = slices.flatMap((s) => s.items).sort((a, b) => (a.sortKey < b.sortKey ? 1 : -1));
    const shown = merged.slice(0, limit);
    const more = merged.length > limit || slices.some((s) => s.more);
    const read = user
      ? await this.deps.news.readSet(
          user.userKey,
          shown.map((s) => s.item.id),
        )
      : null;
    const view = new NewsView(this.deps.newsImages, now, groups);
    return {
      items: await Promise.all(shown.map(({ item }) => view.summary(item, read ? read.has(item.id) : undefined))),
      nextCursor: more && shown.length > 0 ? encodeNewsCursor(shown.at(-1)!.sortKey) : null,
    };
  }

  /** A visible item; opening it signed in counts the reader, once ever. */
  async detail(newsId: string, user: RequestUser | null): Promise<NewsDetail> {
    const now = this.deps.now();
    const item = await this.deps.news.get(newsId);
    if (!item || !isVisible(item, now.toISOString())) throw new NotFoundError('未找到该动态');
    if (user && (await this.deps.news.recordRead(user.userKey, item.id, now.toISOString()))) item.readCount++;
    const group = await this.deps.catalog.getGroupWithMembers(item.groupId);
    return new NewsView(this.deps.newsImages, now, new Map([[item.groupId, group?.group.name ?? '']])).detail(
      item,
      user ? true : undefined,
    );
  }
}
