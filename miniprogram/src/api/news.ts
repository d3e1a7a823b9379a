import Taro from '@tarojs/taro';
import type { NewsAdminDetail, NewsDetail, NewsDraft, NewsImageType, NewsImageUpload, NewsPage } from '../../../shared';
import { ApiError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from './api-error';
import { request } from './request';

/** One typed function per group-news endpoint. */

export function listGroupNews(groupId: string, cursor?: string | null): Promise<NewsPage> {
  return request({ path: `/groups/${encodeURIComponent(groupId)}/news`, query: { cursor } });
}

/** 我的动态: the groups of my schools (and of the groups I run). */
export function listMyNews(cursor?: string | null): Promise<NewsPage> {
  return request({ path: '/me/news', query: { cursor } });
}

export function getNews(id: string): Promise<NewsDetail> {
  return request({ path: `/news/${encodeURIComponent(id)}` });
}

export function subscribeGroupNews(groupId: string): Promise<{ pending: number }> {
  return request({ method: 'POST', path: '/news/subscriptions', body: { groupId } });
}

export function listAdminNews(groupId: string, cursor?: string | null): Promise<NewsPage> {
  return request({ path: `/admin/groups/${encodeURIComponent(groupId)}/news`, query: { cursor } });
}

export function getAdminNews(id: string): Promise<NewsAdminDetail> {
  return request({ path: `/admin/news/${encodeURIComponent(id)}` });
}

export type NewsDraftInput = Partial<NewsDraft> & Pick<NewsDraft, 'title' | 'authorName'>;

export function createNews(groupId: string, draft: NewsDraftInput): Promise<NewsAdminDetail> {
  return request({ method: 'POST', path: `/admin/groups/${encodeURIComponent(groupId)}/news`, body: draft });
}

export function updateNews(id: string, draft: NewsDraftInput, version: number): Promise<NewsAdminDetail> {
  return request({ method: 'PUT', path: `/admin/news/${encodeURIComponent(id)}`, body: { ...draft, version } });
}

/** `publishAt` in the future schedules it; absent publishes now. */
export function publishNews(id: string, publishAt?: string): Promise<NewsAdminDetail> {
  return request({ method: 'POST', path: `/admin/news/${encodeURIComponent(id)}/publish`, body: publishAt ? { publishAt } : {} });
}

export function unpublishNews(id: string): Promise<NewsAdminDetail> {
  return request({ method: 'POST', path: `/admin/news/${encodeURIComponent(id)}/unpublish` });
}

export function requestImageUpload(groupId: string, contentType: NewsImageType, size: number): Promise<NewsImageUpload> {
  return request({ method: 'POST', path: '/admin/news-images', body: { groupId, contentType, size } });
}

/**
 * Image URLs from the local store are relative to the API's origin (S3's are absolute); the
 * weapp needs absolute ones, the H5 app is served from that origin anyway.
 */
export function assetUrl(url: string): string {
  if (!url.startsWith('/')) return url;
  const base = (process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '').replace(/\/api$/, '');
  return base + url;
}

/** PUT the bytes to the granted URL (S3 pre-signed, or the local store): not an API call, so not through request(). */
export async function uploadImageBytes(grant: NewsImageUpload, data: ArrayBuffer): Promise<void> {
  let status: number;
  try {
    const answer = await Taro.request({
      url: assetUrl(grant.uploadUrl),
      method: 'PUT',
      header: grant.headers,
      data,
      dataType: '其他',
      responseType: 'text',
    });
    status = answer.statusCode;
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  if (status < 200 || status > 299)
    throw new ApiError(
      `HTTP_${status}`,
      status === 413 ? '图片太大，请换一张' : status === 415 ? '只支持 JPEG、PNG、WebP 图片' : UNKNOWN_ERROR_MESSAGE,
      status,
    );
}
