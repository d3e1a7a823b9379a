import { randomBytes } from 'node:crypto';
import {
  NEWS_IMAGES_MAX,
  type NewsAdminDetail,
  type NewsDraft,
  type NewsEdit,
  type NewsPage,
  type NewsPageQuery,
  type NewsUpdate,
} from '../../../../shared';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { decodeNewsCursor, encodeNewsCursor } from './domain/news-cursor';
import { sanitizeMarkdown } from './domain/sanitize-markdown';
import { groupNames, type NewsGroup, type NewsGroups } from './news-groups';
import type { NewsImages } from './news-images';
import { EDITABLE_FIELDS, type NewsEditItem, type NewsItem } from './news-items';
import type { NewsNotifier } from './news-notifier';
import { screenNews } from './news-screening';
import { newsStatus, NewsView } from './news-view';

type Deps = Pick<Infrastructure, 'news' | 'newsImages' | 'config' | 'wechat' | 'now'>;

/** An item as an admin route acts on it: the item and its history, read together once (the route's load). */
export interface OpenedNews {
  item: NewsItem;
  history: NewsEditItem[];
}

/** Body images plus gallery images: what one item may reference in all. */
const IMAGES_TOTAL_MAX = NEWS_IMAGES_MAX * 2;
/** A publication time this far in the past is a mistake (clock skew aside), not a backdating feature. */
const PAST_TOLERANCE_MS = 60_000;

const newsNotFound = () => new NotFoundError('未找到该动态');
const staleEdit = () => new ConflictError('NEWS_EDIT_CONFLICT', '该动态已被他人修改，请刷新后重试');

/**
 * Publishing: drafts, edits with history, publish (now or scheduled), unpublish. Each answer is
 * built from what was just written (the version check guarantees nobody saved in between), so
 * a write never reads its item or its group a second time.
 */
export class NewsService {
  constructor(
    private readonly deps: Deps,
    private readonly groups: NewsGroups,
    private readonly images: NewsImages,
    private readonly notifier: NewsNotifier,
  ) {}

  /** The group an admin route acts on: 404 if it does not exist. */
  group(groupId: string): Promise<NewsGroup> {
    return this.groups.get(groupId);
  }

  /** The item an admin route acts on, with its history: 404 if it does not exist. */
  async open(newsId: string): Promise<OpenedNews> {
    const found = await this.deps.news.getWithHistory(newsId);
    if (!found) throw newsNotFound();
    return found;
  }

  /** A group's items in every status, most recently changed first. */
  async list(group: NewsGroup, { cursor, limit }: NewsPageQuery): Promise<NewsPage> {
    const slice = await this.deps.news.adminPage(group.id, decodeNewsCursor(cursor, 'admin'), limit);
    const view = this.view(group);
    return {
      items: await Promise.all(slice.items.map(({ item }) => view.summary(item))),
      nextCursor: slice.more ? encodeNewsCursor(slice.items.at(-1)!.sortKey) : null,
    };
  }

  async detail({ item, history }: OpenedNews): Promise<NewsAdminDetail> {
    return this.view(await this.groups.ofItem(item)).adminDetail(item, history);
  }

  async create(group: NewsGroup, draft: NewsDraft, user: RequestUser): Promise<NewsAdminDetail> {
    const at = this.deps.now().toISOString();
    const content = await this.content(group, draft);
    const item: NewsItem = {
      kind: 'news',
      id: `nw-${randomBytes(8).toString('hex')}`,
      groupId: group.id,
      districtId: group.districtId,
      ...content,
      status: 'draft',
      publishAt: null,
      version: 1,
      readCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    const edit: NewsEditItem = { ...(await this.edit(item, user, 'create', at)), changed: [...EDITABLE_FIELDS], before: {} };
    await this.deps.news.create(item, edit);
    return this.view(group).adminDetail(item, [edit]);
  }

  async update({ item: current, history }: OpenedNews, update: NewsUpdate, user: RequestUser): Promise<NewsAdminDetail> {
    if (current.version !== update.version) throw staleEdit();
    const group = await this.groups.ofItem(current);
    const content = await this.content(group, update);
    // Editing what readers already see (or will see at its time) is publishing it again.
    if (current.status === 'published') await screenNews(this.deps, user, [content.title, content.summary, content.body]);
    const saved = await this.save(current, content, user, 'edit');
    return this.view(group).adminDetail(saved.item, [...history, saved.edit]);
  }

  async publish({ item: current, history }: OpenedNews, publishAt: string | undefined, user: RequestUser): Promise<NewsAdminDetail> {
    const now = this.deps.now();
    const at = publishAt ? new Date(publishAt) : now;
    if (newsStatus(current, now.toISOString()) === 'published') throw new ConflictError('NEWS_ALREADY_PUBLISHED', '该动态已发布');
    if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw new ValidationError('发布时间不能早于当前时间', undefined, 'PUBLISH_TIME_PAST');
    await screenNews(this.deps, user, [current.title, current.summary, current.body]);
    const saved = await this.save(current, { status: 'published', publishAt: at.toISOString() }, user, 'publish');
    const group = await this.groups.ofItem(saved.item);
    if (at <= now) await this.notifier.notify(saved.item, group.name);
    return this.view(group).adminDetail(saved.item, [...history, saved.edit]);
  }

  async unpublish({ item: current, history }: OpenedNews, user: RequestUser): Promise<NewsAdminDetail> {
    if (current.status !== 'published') throw new ConflictError('NEWS_NOT_PUBLISHED', '该动态未发布或已撤回');
    const saved = await this.save(current, { status: 'unpublished' }, user, 'unpublish');
    return this.view(await this.groups.ofItem(saved.item)).adminDetail(saved.item, [...history, saved.edit]);
  }

  private view(group: NewsGroup) {
    return new NewsView(this.deps.newsImages, this.deps.now(), groupNames(group));
  }

  /** Checked and derived fields of a draft: member schools, sanitized body, verified images. */
  private async content(group: NewsGroup, draft: NewsDraft) {
    const outside = draft.schoolIds.filter((id) => !group.memberIds.includes(id));
    if (outside.length > 0)
      throw new ValidationError(
        '所选学校不是本集团成员校',
        outside.map((id) => ({ path: 'schoolIds', message: id })),
      );
    const { nodes, images: bodyImages } = sanitizeMarkdown(draft.body, group.id);
    const images = [...new Set([...draft.images, ...bodyImages])];
    if (images.length > IMAGES_TOTAL_MAX) throw new ValidationError(`图片总数不能超过 ${IMAGES_TOTAL_MAX} 张`);
    await this.images.verify(group.id, images, draft.coverImage);
    const { title, summary, body, authorName, schoolIds, coverImage, pinned } = draft;
    return { title, summary, body, nodes, authorName, schoolIds, coverImage, images, pinned };
  }

  /** The next version and its history entry, written only if nobody saved since `current` was read. */
  private async save(
    current: NewsItem,
    changes: Partial<NewsItem>,
    user: RequestUser,
    action: NewsEdit['action'],
  ): Promise<{ item: NewsItem; edit: NewsEditItem }> {
    const at = this.deps.now().toISOString();
    const next: NewsItem = { ...current, ...changes, version: current.version + 1, updatedAt: at };
    const changed = EDITABLE_FIELDS.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]));
    // Short fields keep their previous value; the body's previous text is not copied into every entry.
    const before = Object.fromEntries(
      changed.filter((f) => ['title', 'summary', 'status', 'publishAt', 'pinned', 'authorName'].includes(f)).map((f) => [f, current[f]]),
    );
    const edit: NewsEditItem = { ...(await this.edit(next, user, action, at)), changed, before };
    if (!(await this.deps.news.save(next, edit))) throw staleEdit();
    return { item: next, edit };
  }

  private async edit(item: NewsItem, user: RequestUser, action: NewsEdit['action'], at: string) {
    const grants = await user.grants();
    const districtAdmin = grants.some((g) => g.role === 'district_admin' && g.scopeId === item.districtId);
    return {
      kind: 'news-edit' as const,
      newsId: item.id,
      version: item.version,
      at,
      action,
      byName: item.authorName,
      byRole: districtAdmin ? '区管理员' : '集团管理员',
    };
  }
}
