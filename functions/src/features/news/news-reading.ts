import type { NewsDetail, NewsPage, NewsPageQuery } from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import { decodeNewsCursor, encodeNewsCursor } from './domain/news-cursor';
import { groupNames, type NewsGroup, type NewsGroups } from './news-groups';
import type { NewsItem } from './news-items';
import type { NewsPageSlice } from './news-repository';
import { isVisible, NewsView } from './news-view';

type Deps = Pick<Infrastructure, 'news' | 'newsImages' | 'catalog' | 'now'>;

/** Reading: a group's list, the 我的动态 feed, detail with the unique-reader count. */
export class NewsReading {
  constructor(
    private readonly deps: Deps,
    private readonly groups: NewsGroups,
  ) {}

  /** The group whose list is asked for: 404 if it does not exist. */
  group(groupId: string): Promise<NewsGroup> {
    return this.groups.get(groupId);
  }

  /** A group's visible items, newest first with pinned ones on top. */
  groupPage(group: NewsGroup, { cursor, limit }: NewsPageQuery, user: RequestUser | null): Promise<NewsPage> {
    return this.page(groupNames(group), decodeNewsCursor(cursor, 'reader'), limit, user);
  }

  /** 我的动态: the visible items of every group the reader belongs to, merged. */
  async feed(user: RequestUser, { cursor, limit }: NewsPageQuery): Promise<NewsPage> {
    return this.page(await this.groupsOf(user), decodeNewsCursor(cursor, 'reader'), limit, user);
  }

  /** An item readers may see now: 404 for drafts, unpublished and not-yet-due items alike. */
  async visible(newsId: string): Promise<NewsItem> {
    const item = await this.deps.news.get(newsId);
    if (!item || !isVisible(item, this.deps.now().toISOString())) throw new NotFoundError('未找到该动态');
    return item;
  }

  /** A visible item's detail; opening it signed in counts the reader, once ever. */
  async open(item: NewsItem, user: RequestUser | null): Promise<NewsDetail> {
    const now = this.deps.now();
    const counted = user ? await this.deps.news.recordRead(user.userKey, item.id, now.toISOString()) : false;
    const shown = counted ? { ...item, readCount: item.readCount + 1 } : item;
    const group = await this.groups.ofItem(item);
    return new NewsView(this.deps.newsImages, now, groupNames(group)).detail(shown, user ? true : undefined);
  }

  /** The reader's groups (this term's): those of their bound schools and teacher school, and groups they administer. */
  private async groupsOf(user: RequestUser): Promise<Map<string, string>> {
    const items = await user.allItems();
    const schoolIds = new Set<string>();
    const groups = new Map<string, string>();
    for (const item of items) {
      if (item.kind === 'school-binding') schoolIds.add(item.schoolId);
      if (item.kind === 'teacher-binding') schoolIds.add(item.schoolId);
      if (item.kind === 'grant' && item.role === 'group_admin') groups.set(item.scopeId, item.scopeName);
    }
    const term = currentTerm(this.deps);
    for (const memberships of await Promise.all([...schoolIds].map((id) => this.deps.catalog.listGroupsOfSchool(id, term)))) {
      for (const m of memberships) groups.set(m.groupId, m.groupName);
    }
    return groups;
  }

  /**
   * One page over any number of groups: each group's next `limit` visible items below the
   * cursor, merged by sort key. Since every group's key has the same shape, the merged order is
   * the single-group order, and the last key shown is the whole feed's cursor.
   */
  private async page(groups: Map<string, string>, before: string | null, limit: number, user: RequestUser | null): Promise<NewsPage> {
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
}
