import Taro from '@tarojs/taro';
import type { CloudCall, CloudCallResult } from '../../../shared';
import { ApiError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE, errorFromResponse } from './api-error';

export type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the API root, e.g. '/schools/jn-jingbalu-ps'. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

type Transport = (call: CloudCall) => Promise<CloudCallResult>;

/** The cloud function routes like the HTTP server, so it wants the full path. */
const API_ROOT = '/api';

/**
 * The one way pages reach the backend. Which transport is used is decided at build time:
 * a configured cloud env means wx.cloud (no domain allow-list, WeChat identity for free),
 * otherwise plain HTTPS. Both answer { status, body }; errors become ApiError either way.
 */
export async function request<T>({ method = 'GET', path, query, body }: ApiRequest): Promise<T> {
  const call: CloudCall = { method, path: API_ROOT + path, query: definedEntries(query), body };
  const transport: Transport = process.env.TARO_APP_CLOUD_ENV ? callCloud : callHttp;
  const { status, body: answer } = await transport(call);
  if (status >= 200 && status < 300) return answer as T;
  throw errorFromResponse(status, answer);
}

function definedEntries(query: ApiRequest['query']): CloudCall['query'] {
  if (!query) return undefined;
  const kept: NonNullable<CloudCall['query']> = {};
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') kept[name] = value;
  }
  return kept;
}

async function callCloud(call: CloudCall): Promise<CloudCallResult> {
  let result: Partial<CloudCallResult> | undefined;
  try {
    ({ result } = (await wx.cloud.callFunction({ name: 'api', data: call })) as { result?: Partial<CloudCallResult> });
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  // A function that crashed or was replaced answers without a status; do not guess.
  if (typeof result?.status !== 'number') throw new ApiError('BAD_CLOUD_RESULT', UNKNOWN_ERROR_MESSAGE, 0);
  return { status: result.status, body: result.body };
}

async function callHttp({ method, path, query, body }: CloudCall): Promise<CloudCallResult> {
  // API_BASE already ends in /api; strip our root so it is not doubled.
  const url = apiBase() + path.slice(API_ROOT.length) + queryString(query);
  try {
    const response = await Taro.request({ url, method: method as 'GET', data: body, dataType: 'json' });
    return { status: response.statusCode, body: response.data };
  } catch {
    throw new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
}

function apiBase(): string {
  return (process.env.TARO_APP_API_BASE || API_ROOT).replace(/\/+$/, '');
}

function queryString(query: CloudCall['query']): string {
  const pairs = Object.entries(query ?? {}).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
