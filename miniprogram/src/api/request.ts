import Taro from '@tarojs/taro';
import type { CloudCall, CloudCallResult } from '../../../shared';
import { ApiError, NETWORK_ERROR_MESSAGE, UNKNOWN_ERROR_MESSAGE, errorFromResponse } from './api-error';
import { readSession } from './session-store';

/** Said when the service or the network is down for now: the same request may succeed later. */
export const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后重试';
/** The longest a GET waits, once, before trying again by itself (the server asks for 5 s). */
const AUTO_RETRY_MAX_SECONDS = 5;

/**
 * A failure that may pass if the same request is sent again: the store is down (503
 * STORE_UNAVAILABLE, with the server's own message and wait) or no answer arrived at all.
 * The UI shows a retry state for it, distinct from other errors.
 */
export class RetryableError extends ApiError {
  readonly retryable = true;
  /** What the server asked us to wait, when it said. */
  readonly retryAfterSeconds?: number;

  constructor(code: string, message: string, status: number, retryAfterSeconds?: number) {
    super(code, message, status);
    this.name = 'RetryableError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const isRetryable = (error: unknown): error is RetryableError => error instanceof RetryableError;

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
  try {
    return await send<T>(transport, call);
  } catch (error) {
    // Reads retry once by themselves after the wait the server asked for; writes never do silently.
    if (method !== 'GET' || !isRetryable(error)) throw error;
    await sleep(Math.min(error.retryAfterSeconds ?? 1, AUTO_RETRY_MAX_SECONDS));
    return send<T>(transport, call);
  }
}

async function send<T>(transport: Transport, call: CloudCall): Promise<T> {
  let { status, body: answer } = await transport(call);
  // A lapsed session: log in again (silently, once, shared by concurrent calls) and retry once.
  if (status === 401 && transport === callHttp && !call.path.startsWith(`${API_ROOT}/auth/`) && (await relogin())) {
    ({ status, body: answer } = await transport(call));
  }
  if (status >= 200 && status < 300) return answer as T;
  const error = errorFromResponse(status, answer);
  if (status === 503 && error.code === 'STORE_UNAVAILABLE') {
    throw new RetryableError(error.code, error.message, status, retryAfterOf(error.details));
  }
  throw error;
}

function retryAfterOf(details: unknown): number | undefined {
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds >= 0 ? seconds : undefined;
}

const sleep = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

type Relogin = () => Promise<boolean>;
let reloginHandler: Relogin = async () => false;
let reloginInFlight: Promise<boolean> | null = null;

/** The app registers how to log in again (wx.login in weapp; nothing in the H5 demo). */
export function setReloginHandler(handler: Relogin): void {
  reloginHandler = handler;
}

function relogin(): Promise<boolean> {
  reloginInFlight ??= reloginHandler()
    .catch(() => false)
    .finally(() => {
      reloginInFlight = null;
    });
  return reloginInFlight;
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
    throw new RetryableError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
  // A function that crashed or was replaced answers without a status; do not guess.
  if (typeof result?.status !== 'number') throw new ApiError('BAD_CLOUD_RESULT', UNKNOWN_ERROR_MESSAGE, 0);
  return { status: result.status, body: result.body };
}

async function callHttp({ method, path, query, body }: CloudCall): Promise<CloudCallResult> {
  // API_BASE already ends in /api; strip our root so it is not doubled.
  const url = apiBase() + path.slice(API_ROOT.length) + queryString(query);
  try {
    const token = readSession()?.token;
    const response = await Taro.request({
      url,
      method: method as 'GET',
      data: body,
      dataType: 'json',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.data };
  } catch {
    throw new RetryableError('NETWORK', NETWORK_ERROR_MESSAGE, 0);
  }
}

function apiBase(): string {
  return (process.env.TARO_APP_API_BASE || API_ROOT).replace(/\/+$/, '');
}

function queryString(query: CloudCall['query']): string {
  const pairs = Object.entries(query ?? {}).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
