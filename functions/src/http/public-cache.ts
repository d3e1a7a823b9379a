import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { createHash } from 'node:crypto';

export interface PublicCacheOptions {
  /** Seconds a browser, CloudFront or API Gateway may reuse the answer without asking again. */
  maxAge: number;
  /** The answer depends on who asks (e.g. 已读 marks): never shared, always revalidated. */
  personal?: boolean;
}

/**
 * A public read as JSON with cache headers (docs/performance.md): Cache-Control with a short
 * max-age, so a CDN in front takes the repeated reads, and a weak ETag of the body, so a
 * revalidation whose answer did not change costs a 304 without a body. Vary: Authorization keeps
 * a shared cache from handing one reader's personal answer to another.
 * Typed as c.json(body) would be, so the API contract checks the endpoint by its body: a 304
 * carries no body of its own, it tells the client (or the browser's cache) to reuse the one it has.
 */
export function publicJson<T>(
  c: Context,
  body: T,
  { maxAge, personal = false }: PublicCacheOptions,
): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const sent = answer(c, JSON.stringify(body), maxAge, personal);
  return sent as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}

function answer(c: Context, text: string, maxAge: number, personal: boolean): Response {
  const etag = `W/"${createHash('sha1').update(text).digest('base64url')}"`;
  const headers = {
    'cache-control': personal ? 'private, no-cache' : `public, max-age=${maxAge}, stale-while-revalidate=${maxAge}`,
    etag,
    vary: 'Authorization',
  };
  const known = c.req.header('if-none-match');
  if (known && known.split(/\s*,\s*/).includes(etag)) return c.body(null, 304, headers);
  return c.body(text, 200, { ...headers, 'content-type': 'application/json; charset=UTF-8' });
}

/** How long the catalogue's public reads may be reused: the search view's own refresh period. */
export const CATALOG_MAX_AGE_SECONDS = 60;
