import { z } from 'zod';
import { IdSchema } from '../common';
import {
  NEWS_AUTHOR_MAX,
  NEWS_BODY_MAX,
  NEWS_IMAGE_BYTES_MAX,
  NEWS_IMAGE_TYPES,
  NEWS_IMAGES_MAX,
  NEWS_PAGE_DEFAULT,
  NEWS_PAGE_MAX,
  NEWS_SCHOOLS_MAX,
  NEWS_SUMMARY_MAX,
  NEWS_TITLE_MAX,
} from './news-limits';
import { lazySchema } from '../lazy-schema';

/**
 * Group news (issue 6). The body is written in a small Markdown subset and stored as RichText
 * nodes made by the server's sanitizer; clients only ever render those nodes.
 */
/** `<groupId>.<uuid>.<ext>`: made by the server when an upload is granted; no slashes, so it fits a path segment. */
export const NEWS_IMAGE_ID_PATTERN = /^[a-z0-9][a-z0-9-]*\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.(jpg|png|webp)$/;
export const NewsImageIdSchema = lazySchema(() => z.string().max(120).regex(NEWS_IMAGE_ID_PATTERN, '图片编号格式不正确'));
export type NewsImageId = z.infer<typeof NewsImageIdSchema>;

/** What readers see. `scheduled` is a published item whose time has not come yet (computed at read time). */
export const NewsStatusSchema = lazySchema(() => z.enum(['draft', 'scheduled', 'published', 'unpublished']));
export type NewsStatus = z.infer<typeof NewsStatusSchema>;

export type RichTextNode = { type: 'text'; text: string } | { name: string; attrs?: Record<string, string>; children?: RichTextNode[] };
export const RichTextNodeSchema: z.ZodType<RichTextNode> = lazySchema(() =>
  z.lazy(() =>
    z.union([
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ name: z.string(), attrs: z.record(z.string(), z.string()).optional(), children: z.array(RichTextNodeSchema).optional() }),
    ]),
  ),
);

const Text = (max: number, label: string) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`);

/** What an admin sends to create or edit an item (create also names the group in the path). */
export const NewsDraftSchema = lazySchema(() =>
  z.object({
    title: Text(NEWS_TITLE_MAX, '标题').min(1, '请填写标题'),
    summary: Text(NEWS_SUMMARY_MAX, '摘要').default(''),
    body: z.string().max(NEWS_BODY_MAX, `正文不能超过 ${NEWS_BODY_MAX} 个字`).default(''),
    authorName: Text(NEWS_AUTHOR_MAX, '作者').min(1, '请填写作者'),
    schoolIds: z.array(IdSchema).max(NEWS_SCHOOLS_MAX).default([]),
    coverImage: NewsImageIdSchema.nullable().default(null),
    images: z.array(NewsImageIdSchema).max(NEWS_IMAGES_MAX, `最多 ${NEWS_IMAGES_MAX} 张图片`).default([]),
    pinned: z.boolean().default(false),
  }),
);
export type NewsDraft = z.infer<typeof NewsDraftSchema>;

export const NewsUpdateSchema = lazySchema(() =>
  NewsDraftSchema.extend({
    /** The version the editor started from: a stale one is refused, so nobody overwrites a newer edit unseen. */
    version: z.number().int().min(1),
  }),
);
export type NewsUpdate = z.infer<typeof NewsUpdateSchema>;

export const NewsPublishSchema = lazySchema(() =>
  z.object({
    /** Absent: now. In the future: scheduled. */
    publishAt: z.iso.datetime({ offset: true }).optional(),
  }),
);

export const NewsImageUploadRequestSchema = lazySchema(() =>
  z.object({
    groupId: IdSchema,
    contentType: z.enum(NEWS_IMAGE_TYPES, { message: '只支持 JPEG、PNG、WebP 图片' }),
    size: z.number().int().min(1).max(NEWS_IMAGE_BYTES_MAX, '图片不能超过 2 MB'),
  }),
);
export type NewsImageUploadRequest = z.infer<typeof NewsImageUploadRequestSchema>;

export const NewsImageUploadSchema = lazySchema(() =>
  z.object({
    imageId: NewsImageIdSchema,
    /** PUT the bytes here with these headers (S3 pre-signed on AWS, the API itself locally). */
    uploadUrl: z.string(),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  }),
);
export type NewsImageUpload = z.infer<typeof NewsImageUploadSchema>;

const ImageRef = lazySchema(() => z.object({ id: NewsImageIdSchema, url: z.string() }));

export const NewsSummarySchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    groupId: IdSchema,
    groupName: z.string(),
    title: z.string(),
    summary: z.string(),
    authorName: z.string(),
    cover: ImageRef.nullable(),
    publishAt: z.string().nullable(),
    pinned: z.boolean(),
    status: NewsStatusSchema,
    readCount: z.number().int(),
    /** Only for a signed-in reader. */
    read: z.boolean().optional(),
  }),
);
export type NewsSummary = z.infer<typeof NewsSummarySchema>;

/** ?limit=&cursor= of every news list; the cursor's content is checked where it is decoded (400 BAD_CURSOR). */
export const NewsPageQuerySchema = lazySchema(() =>
  z.object({
    limit: z.coerce.number().int().min(1).max(NEWS_PAGE_MAX).default(NEWS_PAGE_DEFAULT),
    cursor: z.string().max(200).optional(),
  }),
);
export type NewsPageQuery = z.infer<typeof NewsPageQuerySchema>;

export const NewsPageSchema = lazySchema(() => z.object({ items: z.array(NewsSummarySchema), nextCursor: z.string().nullable() }));
export type NewsPage = z.infer<typeof NewsPageSchema>;

export const NewsDetailSchema = lazySchema(() =>
  NewsSummarySchema.extend({
    schoolIds: z.array(IdSchema),
    nodes: z.array(RichTextNodeSchema),
    images: z.array(ImageRef),
  }),
);
export type NewsDetail = z.infer<typeof NewsDetailSchema>;

export const NewsEditSchema = lazySchema(() =>
  z.object({
    at: z.string(),
    byName: z.string(),
    byRole: z.string(),
    action: z.enum(['create', 'edit', 'publish', 'unpublish']),
    /** Names of the fields that changed, and the previous title/status when they did. */
    changed: z.array(z.string()),
    before: z.record(z.string(), z.unknown()),
  }),
);
export type NewsEdit = z.infer<typeof NewsEditSchema>;

export const NewsAdminDetailSchema = lazySchema(() =>
  NewsDetailSchema.extend({
    body: z.string(),
    version: z.number().int(),
    history: z.array(NewsEditSchema),
  }),
);
export type NewsAdminDetail = z.infer<typeof NewsAdminDetailSchema>;

export const NewsSubscribeSchema = lazySchema(() => z.object({ groupId: IdSchema }));
