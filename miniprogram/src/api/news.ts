import Taro from '@tarojs/taro';
import type { ApiResponse, NewsDraft, NewsImageType } from '../../../shared';
import { ApiError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE } from './api-error';
import { callEndpoint } from './endpoint';

/** One typed function per group-news endpoint; every answer's type is the API contract's (shared/api). */

export function listGroupNews(groupId: string, cursor?: string | null): Promise<ApiResponse<'GET /api/groups/:id/news'>> {
  return callEndpoint('GET /api/groups/:id/news', { params: { id: groupId }, query: { cursor } });
}

/** 我的动态: the groups of my schools (and of the groups I run). */
export function listMyNews(cursor?: string | null): Promise<ApiResponse<'GET /api/me/news'>> {
  return callEndpoint('GET /api/me/news', { query: { cursor } });
}

export function getNews(id: string): Promise<ApiResponse<'GET /api/news/:id'>> {
  return callEndpoint('GET /api/news/:id', { params: { id } });
}

export function subscribeGroupNews(groupId: string): Promise<ApiResponse<'POST /api/news/subscriptions'>> {
  return callEndpoint('POST /api/news/subscriptions', { body: { groupId } });
}

export function listAdminNews(groupId: string, cursor?: string | null): Promise<ApiResponse<'GET /api/admin/groups/:id/news'>> {
  return callEndpoint('GET /api/admin/groups/:id/news', { params: { id: groupId }, query: { cursor } });
}

export function getAdminNews(id: string): Promise<ApiResponse<'GET /api/admin/news/:id'>> {
  return callEndpoint('GET /api/admin/news/:id', { params: { id } });
}

export type NewsDraftInput = Partial<NewsDraft> & Pick<NewsDraft, 'title' | 'authorName'>;

export function createNews(groupId: string, draft: NewsDraftInput): Promise<ApiResponse<'POST /api/admin/groups/:id/news'>> {
  return callEndpoint('POST /api/admin/groups/:id/news', { params: { id: groupId }, body: draft });
}

export function updateNews(id: string, draft: NewsDraftInput, version: number): Promise<ApiResponse<'PUT /api/admin/news/:id'>> {
  return callEndpoint('PUT /api/admin/news/:id', { params: { id }, body: { ...draft, version } });
}

/** `publishAt` in the future schedules it; absent publishes now. */
export function publishNews(id: string, publishAt?: string): Promise<ApiResponse<'POST /api/admin/news/:id/publish'>> {
  return callEndpoint('POST /api/admin/news/:id/publish', { params: { id }, body: publishAt ? { publishAt } : {} });
}

export function unpublishNews(id: string): Promise<ApiResponse<'POST /api/admin/news/:id/unpublish'>> {
  return callEndpoint('POST /api/admin/news/:id/unpublish', { params: { id } });
}

export function requestImageUpload(
  groupId: string,
  contentType: NewsImageType,
  size: number,
): Promise<ApiResponse<'POST /api/admin/news-images'>> {
  return callEndpoint('POST /api/admin/news-images', { body: { groupId, contentType, size } });
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
export async function uploadImageBytes(grant: ApiResponse<'POST /api/admin/news-images'>, data: ArrayBuffer): Promise<void> {
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
