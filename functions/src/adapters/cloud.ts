import { CloudCallSchema, type CloudCallResult } from '../../../shared';
import { readConfig } from '../config';
import { createCore } from '../core';
import { ValidationError } from '../errors';
import { callerOpenId } from '../wechat/wx-context';

/**
 * The WeChat cloud function `api`. The mini-program calls
 * wx.cloud.callFunction({ name: 'api', data: { method, path, query, body } }); WeChat adds
 * the caller's identity as the invocation's WX_ variables, the only trusted source (never the
 * event). They are read as wx-server-sdk's getWXContext() reads them (wechat/wx-context.ts),
 * without loading that SDK: the function uses none of its cloud APIs.
 */
// Secrets are the function's environment variables (云开发 console); dev login is never enabled.
const { app } = createCore(readConfig(process.env, 'cloud'));

const ORIGIN = 'https://cloud.invalid';

const badCall = (): CloudCallResult => {
  const error = new ValidationError('云函数调用参数不正确', undefined, 'BAD_CLOUD_CALL');
  return { status: error.status, body: { error: { code: error.code, message: error.message } } };
};

export async function main(event: unknown): Promise<CloudCallResult> {
  // The whole event is checked before anything is built from it: a bad one is a 400, never a throw.
  const parsed = CloudCallSchema.safeParse(event);
  if (!parsed.success) return badCall();
  const { method, path, query, headers, body } = parsed.data;
  const url = new URL(path, ORIGIN);
  for (const [name, value] of Object.entries(query ?? {})) url.searchParams.set(name, String(value));
  let text: string | undefined;
  try {
    text = body === undefined || method === 'GET' ? undefined : JSON.stringify(body);
  } catch {
    return badCall();
  }
  const contentType: Record<string, string> = text === undefined ? {} : { 'content-type': 'application/json' };
  const request = new Request(url, { method, headers: { ...headers, ...contentType }, body: text });

  const response = await app.fetch(request, { wxOpenId: callerOpenId() });
  // Files (the XLSX export) travel as base64: callFunction results are JSON.
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    const base64 = Buffer.from(await response.arrayBuffer()).toString('base64');
    return { status: response.status, body: { contentType: response.headers.get('content-type'), base64 } };
  }
  const answer = await response.text();
  return { status: response.status, body: answer ? JSON.parse(answer) : null };
}
