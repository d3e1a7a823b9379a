import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from './app-env';
import { jsonBody } from './route-spec';
import { parseOr } from './validate';

/**
 * Per-request memo. A route's access target often has to load what the handler then works on
 * (the body naming the target, the round or survey it protects): loaded once here, it is read
 * and validated once. Only for what the request has not changed yet: after a write, read again.
 */
export function once<T>(c: Context<AppEnv>, key: string, load: () => Promise<T>): Promise<T> {
  let memo = c.get('once');
  if (!memo) {
    memo = new Map();
    c.set('once', memo);
  }
  if (!memo.has(key)) memo.set(key, load());
  return memo.get(key) as Promise<T>;
}

/** The JSON body validated against `schema`, once per request (400 on bad input). */
export const bodyOnce = <S extends z.ZodTypeAny>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> =>
  once(c, 'body', async () => parseOr(schema, await jsonBody(c)));
