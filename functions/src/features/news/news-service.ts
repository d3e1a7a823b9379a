import { randomBytes } from 'node:crypto';
import { NEWS_IMAGES_MAX, type NewsDraft, type NewsEdit, type NewsUpdate } from '../../../../shared';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { sanitizeMarkdown } from './domain/sanitize-markdown';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { EDITABLE_FIELDS, type NewsItem } from './news-items';
import { NewsImages } from './news-images';
import { NewsNotifier } from './news-notifier';
import { screenNews } from './news-screening';
import { newsStatus } from './news-view';

type Deps = Pick<Infrastructure, 'news' | 'newsImages' | 'catalog' | 'config' | 'wechat' | 'logger' | 'now'>;

/** Body images plus gallery images: what one item may reference in all. */
const IMAGES_TOTAL_MAX = NEWS_IMAGES_MAX * 2;
/** A publication time this far in the past is a mistake (clock skew aside), not a backdating feature. */
const PAST_TOLERANCE_MS = 60_000;

const newsNotFound = () => new NotFoundError('未找到该动态');
const staleEdit = () => new ConflictError('NEWS_EDIT_CONFLICT', '该动态已被他人修改，请刷新后重试');

/** Publishing: drafts, edits with history, publish (now or scheduled), unpublish. */
export class NewsService {
  constructor(private readonly deps: Deps) {}

  async get(newsId: string): Promise<NewsItem> {
    const item = await this.deps.news.get(newsId);
    if (!item) throw newsNotFound();
    return item;
  }

  async create(groupId: string, draft: NewsDraft, user: RequestUser): Promise<NewsItem> {
    const group = await this.deps.catalog.getGroupWithMembers(groupId);
    if (!group) throw new NotFoundError('未找到该教育集团');
    const at = this.deps.now().toISOString();
    const content = await this.content(
      groupId,
      draft,
      group.members.map((m) => m.schoolId),
    );
    const item: NewsItem = {
      kind: 'news',
      id: `nw-${randomBytes(8).toString('hex')}`,
      groupId,
      districtId: group.group.districtId,
      ...content,
      status: 'draft',
      publishAt: null,
      version: 1,
      readCount: 0,
      createdAt: at,
      updatedAt: at,
    };
    await this.deps.news.create(item, { ...(await this.edit(item, user, 'create', at)), changed: [...EDITABLE_FIELDS], before: {} });
    return item;
  }

  async update(newsId: string, update: NewsUpdate, user: RequestUser): Promise<NewsItem> {
    const current = await this.get(newsId);
    if (current.version !== update.version) throw staleEdit();
    const group = await this.deps.catalog.getGroupWithMembers(current.groupId);
    const content = await this.content(current.groupId, update, group?.members.map((m) => m.schoolId) ?? []);
    // Editing what readers already see (or will see at its time) is publishing it again.
    if (current.status === 'published') await screenNews(this.deps, user, [content.title, content.summary, content.body]);
    return this.save(current, content, user, 'edit');
  }

  async publish(newsId: string, publishAt: string | undefined, user: RequestUser): Promise<NewsItem> {
    const current = await this.get(newsId);
    const now = this.deps.now();
    const at = publishAt ? new Date(publishAt) : now;
    if (newsStatus(current, now.toISOString()) === 'published') throw new ConflictError('NEWS_ALREADY_PUBLISHED', '该动态已发布');
    if (at.getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw new ValidationError('发布时间不能早于当前时间', undefined, 'PUBLISH_TIME_PAST');
    await screenNews(this.deps, user, [current.title, current.summary, current.body]);
    const saved = await this.save(current, { status: 'published', publishAt: at.toISOString() }, user, 'publish');
    if (at <= now) await new NewsNotifier(this.deps).notify(saved);
    return saved;
  }

  async unpublish(newsId: string, user: RequestUser): Promise<NewsItem> {
    const current = await this.get(newsId);
    if (current.status !== 'published') throw new ConflictError('NEWS_NOT_PUBLISHED', '该动态未发布或已撤回');
    return this.save(current, { status: 'unpublished' }, user, 'unpublish');
  }

  /** Checked and derived fields of a draft: member schools, sanitized body, verified images. */
  private async content(groupId: string, draft: NewsDraft, memberIds: string[]) {
    const outside = draft.schoolIds.filter((id) => !memberIds.includes(id));
    if (outside.length > 0)
      throw new ValidationError(
        '所选学校不是本集团成员校',
        outside.map((id) => ({ path: 'schoolIds', message: id })),
      );
    const { nodes, images: bodyImages } = sanitizeMarkdown(draft.body, groupId);
    const images = [...new Set([...draft.images, ...bodyImages])];
    if (images.length > IMAGES_TOTAL_MAX) throw new ValidationError(`图片总数不能超过 ${IMAGES_TOTAL_MAX} 张`);
    await new NewsImages(this.deps).verify(groupId, images, draft.coverImage);
    const { title, summary, body, authorName, schoolIds, coverImage, pinned } = draft;
    return { title, summary, body, nodes, authorName, schoolIds, coverImage, images, pinned };
  }

  private async save(current: NewsItem, changes: Partial<NewsItem>, user: RequestUser, action: NewsEdit['action']): Promise<NewsItem> {
    const at = this.deps.now().toISOString();
    const next: NewsItem = { ...current, ...changes, version: current.version + 1, updatedAt: at };
    const changed = EDITABLE_FIELDS.filter((field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]));
    // Short fields keep their previous value; the body's previous text is not copied into every entry.
    const before = Object.fromEntries(
      changed.filter((f) => ['title', 'summary', 'status', 'publishAt', 'pinned', 'authorName'].includes(f)).map((f) => [f, current[f]]),
    );
    if (!(await this.deps.news.save(next, { ...(await this.edit(next, user, action, at)), changed, before }))) throw staleEdit();
    return next;
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
