import type { NewsEdit, RichTextNode } from '../../../../shared';

/** Stored status; `scheduled` is not stored: it is a published item whose time has not come (read time). */
export type StoredNewsStatus = 'draft' | 'published' | 'unpublished';

export type NewsItem = {
  kind: 'news';
  id: string;
  groupId: string;
  districtId: string;
  schoolIds: string[];
  title: string;
  summary: string;
  /** The author's Markdown, kept for editing; readers get `nodes`. */
  body: string;
  nodes: RichTextNode[];
  coverImage: string | null;
  /** Gallery images plus those the body shows (all checked at save). */
  images: string[];
  authorName: string;
  status: StoredNewsStatus;
  publishAt: string | null;
  pinned: boolean;
  /** +1 on every save: edits from a stale version are refused. */
  version: number;
  /** Unique readers; only AP47 changes it (saves never write it). */
  readCount: number;
  createdAt: string;
  updatedAt: string;
};

/** What an edit may change (everything but identity, counters and timestamps of creation). */
export const EDITABLE_FIELDS = [
  'schoolIds',
  'title',
  'summary',
  'body',
  'nodes',
  'coverImage',
  'images',
  'authorName',
  'status',
  'publishAt',
  'pinned',
] as const satisfies ReadonlyArray<keyof NewsItem>;

export type NewsEditItem = NewsEdit & { kind: 'news-edit'; newsId: string; version: number };

export type NewsSubscriptionItem = {
  kind: 'news-subscription';
  id: string;
  groupId: string;
  userKey: string;
  /** WeChat delivers to an openid only; the item is deleted when the message is sent. */
  openid: string;
  templateId: string;
  createdAt: string;
};

/** A published item is in the readers' index; drafts and unpublished ones are not. */
export const isListed = (item: Pick<NewsItem, 'status' | 'publishAt'>) => item.status === 'published' && item.publishAt !== null;
