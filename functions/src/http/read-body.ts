import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, MalformedBodyError } from '../errors';
import type { AppEnv } from './app-env';
import type { BodySpec } from './route';
import { parseOr } from './validate';

/** Bodies larger than this are refused before they are parsed, unless a route declares its own cap. */
export const DEFAULT_BODY_BYTES_MAX = 1024 * 1024;

export class PayloadTooLargeError extends ApiError {
  constructor(message: string) {
    super(413, 'PAYLOAD_TOO_LARGE', message);
  }
}

const asSpec = <B>(body: BodySpec<B> | z.ZodType<B>): BodySpec<B> => ('schema' in body ? body : { schema: body });

/**
 * The request's JSON body, read once: refused by size before it is parsed (413), malformed JSON
 * is a 400, and the value is validated by the route's schema (400 with the fields) before
 * anything else walks it. An empty body is `{}`, so optional-only bodies may be left out.
 */
export async function readBody<B>(c: Context<AppEnv>, body: BodySpec<B> | z.ZodType<B>): Promise<B> {
  const {
    schema,
    maxBytes = DEFAULT_BODY_BYTES_MAX,
    tooLarge = `请求内容过大（上限 ${Math.floor(maxBytes / 1024)} KB）`,
    invalid,
  } = asSpec(body);
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw new PayloadTooLargeError(tooLarge);
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBytes) throw new PayloadTooLargeError(tooLarge);
  let value: unknown = {};
  if (text.length > 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new MalformedBodyError();
    }
  }
  return parseOr(schema, value, invalid);
}
