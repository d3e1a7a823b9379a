import type { Context } from 'hono';
import { z } from 'zod';
import {
  NEWS_IMAGE_BYTES_MAX,
  NEWS_PAGE_DEFAULT,
  NEWS_PAGE_MAX,
  NEWS_REQUEST_BYTES_MAX,
  NewsDraftSchema,
  NewsImageUploadRequestSchema,
  NewsPublishSchema,
  NewsSubscribeSchema,
  NewsUpdateSchema,
} from '../../../../../shared';
import { ApiError, MalformedBodyError, NotFoundError } from '../../../errors';
import { decodeNewsCursor, encodeNewsCursor } from '../domain/news-cursor';
import type { AppEnv } from '../../../http/app-env';
import { jsonBody, type RouteSpec, type ScopeTarget } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { NewsImages } from '../news-images';
import { NewsNotifier } from '../news-notifier';
import { NewsReading } from '../news-reading';
import { NewsService } from '../news-service';
import { NewsView } from '../news-view';
import { ImageTooLargeError, LOCAL_IMAGE_PATH, LocalImageStore } from '../../../storage/local-image-store';
import { catalogId, idParamOf, pathTarget } from '../../../http/path-targets';
import { bodyOnce } from '../../../http/request-once';

const ADMINS = ['group_admin', 'district_admin'] as const;

class PayloadTooLargeError extends ApiError {
  constructor() {
    super(413, 'PAYLOAD_TOO_LARGE', `内容过大，请控制在 ${NEWS_REQUEST_BYTES_MAX / 1024} KB 以内`);
  }
}

const newsParam = idParamOf(/^nw-[0-9a-f]{16}$/, '未找到该动态');
const groupTarget = pathTarget('group');
const newsTarget = async (c: Context<AppEnv>): Promise<ScopeTarget> => ({ type: 'group', id: (await writer(c).get(newsParam(c))).groupId });

const writer = (c: Context<AppEnv>) => new NewsService(c.get('infra'));
const reading = (c: Context<AppEnv>) => new NewsReading(c.get('infra'));

const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(NEWS_PAGE_MAX).default(NEWS_PAGE_DEFAULT),
  cursor: z.string().max(200).optional(),
});
const pageQuery = (c: Context<AppEnv>) => parseOr(PageQuerySchema, c.req.query());

/** A news body is refused by size before it is parsed: a megabyte of Markdown never reaches the parser. */
async function boundedJson(c: Context<AppEnv>): Promise<unknown> {
  if (Number(c.req.header('content-length') ?? 0) > NEWS_REQUEST_BYTES_MAX) throw new PayloadTooLargeError();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > NEWS_REQUEST_BYTES_MAX) throw new PayloadTooLargeError();
  try {
    return text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new MalformedBodyError();
  }
}

const uploadRequest = (c: Context<AppEnv>) => bodyOnce(c, NewsImageUploadRequestSchema);

/** The local store answers its own signed URLs; on AWS they point at S3 and these routes are 404. */
function localStore(c: Context<AppEnv>): LocalImageStore {
  const store = c.get('infra').newsImages;
  if (!(store instanceof LocalImageStore)) throw new NotFoundError('图片链接无效或已过期');
  return store;
}

async function adminDetail(c: Context<AppEnv>, newsId: string) {
  const { news, newsImages, catalog, now } = c.get('infra');
  const item = await writer(c).get(newsId);
  const group = await catalog.getGroupWithMembers(item.groupId);
  return new NewsView(newsImages, now(), new Map([[item.groupId, group?.group.name ?? '']])).adminDetail(item, await news.history(item.id));
}

export const newsRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/groups/:id/news',
    access: { kind: 'public' },
    handler: async (c) => {
      const groupId = catalogId(c, 'group');
      const { limit, cursor } = pageQuery(c);
      const group = await c.get('infra').catalog.getGroupWithMembers(groupId);
      if (!group) throw new NotFoundError('未找到该教育集团');
      return c.json(
        await reading(c).page(new Map([[groupId, group.group.name]]), decodeNewsCursor(cursor, 'reader'), limit, c.get('user')),
      );
    },
  },
  {
    method: 'GET',
    path: '/api/me/news',
    access: { kind: 'user' },
    handler: async (c) => {
      const { limit, cursor } = pageQuery(c);
      const user = c.get('user')!;
      return c.json(await reading(c).page(await reading(c).groupsOf(user), decodeNewsCursor(cursor, 'reader'), limit, user));
    },
  },
  {
    method: 'GET',
    path: '/api/news/:id',
    access: { kind: 'public' },
    handler: async (c) => c.json(await reading(c).detail(newsParam(c), c.get('user'))),
  },
  {
    method: 'POST',
    path: '/api/news/subscriptions',
    access: { kind: 'user' },
    handler: async (c) => {
      const { groupId } = parseOr(NewsSubscribeSchema, await jsonBody(c));
      return c.json(await new NewsNotifier(c.get('infra')).subscribe(c.get('user')!, groupId), 201);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/groups/:id/news',
    access: { kind: 'roles', roles: [...ADMINS], target: groupTarget },
    handler: async (c) => {
      const { limit, cursor } = pageQuery(c);
      const { news, newsImages, catalog, now } = c.get('infra');
      const groupId = catalogId(c, 'group');
      const [slice, group] = await Promise.all([
        news.adminPage(groupId, decodeNewsCursor(cursor, 'admin'), limit),
        catalog.getGroupWithMembers(groupId),
      ]);
      const view = new NewsView(newsImages, now(), new Map([[groupId, group?.group.name ?? '']]));
      return c.json({
        items: await Promise.all(slice.items.map(({ item }) => view.summary(item))),
        nextCursor: slice.more ? encodeNewsCursor(slice.items.at(-1)!.sortKey) : null,
      });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/groups/:id/news',
    access: { kind: 'roles', roles: [...ADMINS], target: groupTarget },
    handler: async (c) => {
      const draft = parseOr(NewsDraftSchema, await boundedJson(c));
      const item = await writer(c).create(catalogId(c, 'group'), draft, c.get('user')!);
      return c.json(await adminDetail(c, item.id), 201);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/news/:id',
    access: { kind: 'roles', roles: [...ADMINS], target: newsTarget },
    handler: async (c) => c.json(await adminDetail(c, newsParam(c))),
  },
  {
    method: 'PUT',
    path: '/api/admin/news/:id',
    access: { kind: 'roles', roles: [...ADMINS], target: newsTarget },
    handler: async (c) => {
      const update = parseOr(NewsUpdateSchema, await boundedJson(c));
      const item = await writer(c).update(newsParam(c), update, c.get('user')!);
      return c.json(await adminDetail(c, item.id));
    },
  },
  {
    method: 'POST',
    path: '/api/admin/news/:id/publish',
    access: { kind: 'roles', roles: [...ADMINS], target: newsTarget },
    handler: async (c) => {
      const { publishAt } = parseOr(NewsPublishSchema, await jsonBody(c));
      const item = await writer(c).publish(newsParam(c), publishAt, c.get('user')!);
      return c.json(await adminDetail(c, item.id));
    },
  },
  {
    method: 'POST',
    path: '/api/admin/news/:id/unpublish',
    access: { kind: 'roles', roles: [...ADMINS], target: newsTarget },
    handler: async (c) => {
      const item = await writer(c).unpublish(newsParam(c), c.get('user')!);
      return c.json(await adminDetail(c, item.id));
    },
  },
  {
    method: 'POST',
    path: '/api/admin/news-images',
    access: { kind: 'roles', roles: [...ADMINS], target: async (c) => ({ type: 'group', id: (await uploadRequest(c)).groupId }) },
    handler: async (c) => c.json(await new NewsImages(c.get('infra')).grant(await uploadRequest(c)), 201),
  },
  {
    // The signed URL is the permission (like S3's pre-signed PUT): no session needed.
    method: 'PUT',
    path: `${LOCAL_IMAGE_PATH}/:imageId`,
    access: { kind: 'public' },
    handler: async (c) => {
      const store = localStore(c);
      if (Number(c.req.header('content-length') ?? 0) > NEWS_IMAGE_BYTES_MAX) throw new ImageTooLargeError(NEWS_IMAGE_BYTES_MAX);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > NEWS_IMAGE_BYTES_MAX) throw new ImageTooLargeError(NEWS_IMAGE_BYTES_MAX);
      await store.put(c.req.param('imageId') ?? '', c.req.query(), bytes);
      return c.body(null, 200);
    },
  },
  {
    method: 'GET',
    path: `${LOCAL_IMAGE_PATH}/:imageId`,
    access: { kind: 'public' },
    handler: async (c) => {
      const { bytes, contentType } = await localStore(c).read(c.req.param('imageId') ?? '', c.req.query());
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': contentType,
        'cache-control': 'private, max-age=3600',
        'x-content-type-options': 'nosniff',
      });
    },
  },
];
