import { z } from 'zod';
import { lazySchema } from './lazy-schema';

/** The methods the API has routes for; anything else is refused before a Request is built. */
export const CLOUD_CALL_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

// No control characters, spaces, `?`, `#` or backslashes: the query travels in `query`, and a
// URL parser would otherwise read some of these as the end of the path or as `/`.
const PathSchema = lazySchema(() =>
  z
    .string()
    .max(2048)
    // Control characters are exactly what the path must not contain.
    // eslint-disable-next-line no-control-regex
    .regex(/^\/api(\/[^\s\u0000-\u001f\u007f?#\\]*)?$/, '路径须以 /api 开头'),
);
const QueryValueSchema = lazySchema(() => z.union([z.string().max(2048), z.number(), z.boolean()]));
/** Header names as HTTP defines them (RFC 9110 tokens); values printable ASCII (a Request refuses line breaks and non-Latin-1). */
const HeaderNameSchema = lazySchema(() => z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/));
const HeaderValueSchema = lazySchema(() =>
  z
    .string()
    .max(1024)
    .regex(/^[\t\x20-\x7e]*$/),
);
const atMost = (n: number) => (record: object) => Object.keys(record).length <= n;

/**
 * What the mini-program sends with wx.cloud.callFunction({ name: 'api', data }) and what the
 * `api` cloud function returns as `result`: the same request and answer as over HTTP. Every
 * part is checked here, so the adapter can build its Request without anything throwing.
 * Other members (WeChat adds `userInfo`) are ignored: identity comes from WeChat's context variables (as getWXContext() reads them).
 */
export const CloudCallSchema = lazySchema(() =>
  z.object({
    method: z.enum(CLOUD_CALL_METHODS),
    path: PathSchema,
    query: z.record(z.string().min(1).max(100), QueryValueSchema).refine(atMost(50)).optional(),
    /** Extra request headers (e.g. accept-language); content-type is the adapter's to set. */
    headers: z.record(HeaderNameSchema, HeaderValueSchema).refine(atMost(30)).optional(),
    body: z.unknown().optional(),
  }),
);
export type CloudCall = z.infer<typeof CloudCallSchema>;

export interface CloudCallResult {
  status: number;
  body: unknown;
}
