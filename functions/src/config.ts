import { z } from 'zod';

/** Which adapter hosts the core. Only the local server may ever enable dev login. */
export type Runtime = 'lambda' | 'cloud' | 'local';

/** Server configuration, read once from the environment of whichever runtime hosts the core. */
export interface ServerConfig {
  runtime: Runtime;
  tableName: string;
  region: string;
  /** Set for DynamoDB Local; unset on AWS. */
  dynamodbEndpoint?: string;
  /** How long a warm container reuses the school search index. */
  searchCacheTtlMs: number;
  auth: {
    /** Signs session tokens (HS256). */
    sessionSecret: string;
    /** Keys the HMAC that turns an openid into the stored user id; rotating it orphans every user. */
    pseudonymSecret: string;
    sessionTtlSeconds: number;
    /** POST /api/auth/dev: local demo server with AUTH_DEV_LOGIN=1 only. */
    devLogin: boolean;
  };
  wechat: { appId: string; appSecret: string; apiBase: string; timeoutMs: number };
  /** Group news images: S3 when a bucket is named (AWS), else files under `dir` (local mode). */
  newsImages: { bucket?: string; dir: string; urlTtlSeconds: number };
  /**
   * Catalogue snapshots (docs/performance.md): S3 objects when a bucket is named (AWS), else
   * files under `dir`/<table name> (local mode).
   */
  catalogSnapshots: { bucket?: string; dir: string };
  /** The subscribe-message template for 订阅本集团动态 (empty: the feature is off). */
  newsTemplateId: string;
  /** The subscribe-message template for 提醒未答家长 (empty: the feature is off). */
  reminderTemplateId: string;
  rateLimit: {
    /** Every write route, per user: a bucket of `capacity` refilled at `refillPerSecond`. */
    writes: { capacity: number; refillPerSecond: number };
    /** Invite redemption, per user: small, so codes cannot be guessed by trying. */
    invites: { capacity: number; refillPerSecond: number };
    /**
     * Anonymous WeChat logins, per source address: each one costs a call to WeChat. Generous,
     * because a school's Wi-Fi or a carrier's NAT puts many phones behind one address, and each
     * person logs in about once per session (2 hours).
     */
    logins: { capacity: number; refillPerSecond: number };
  };
}

const secret = z.string().min(32, 'must be at least 32 characters');
const number = (fallback: number) => z.coerce.number().positive().default(fallback);

const EnvSchema = z.object({
  TABLE_NAME: z.string().min(3).default('jituan'),
  AWS_REGION: z.string().optional(),
  AWS_DEFAULT_REGION: z.string().optional(),
  DYNAMODB_ENDPOINT: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SEARCH_CACHE_TTL_SECONDS: z.coerce.number().nonnegative().default(60),
  SESSION_SECRET: secret,
  PSEUDONYM_SECRET: secret,
  SESSION_TTL_SECONDS: number(7200),
  AUTH_DEV_LOGIN: z.string().optional(),
  WECHAT_APP_ID: z.string().default(''),
  WECHAT_APP_SECRET: z.string().default(''),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  WECHAT_TIMEOUT_MS: number(5000),
  NEWS_IMAGE_BUCKET: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  NEWS_IMAGE_DIR: z.string().default('.data/news-images'),
  NEWS_IMAGE_URL_TTL_SECONDS: number(3600),
  WECHAT_NEWS_TEMPLATE_ID: z.string().default(''),
  WECHAT_REMINDER_TEMPLATE_ID: z.string().default(''),
  CATALOG_SNAPSHOT_BUCKET: z
    .string()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  CATALOG_SNAPSHOT_DIR: z.string().default('.data/catalog-snapshots'),
  RATE_WRITES_CAPACITY: number(30),
  RATE_WRITES_PER_SECOND: number(0.5),
  RATE_INVITES_CAPACITY: number(5),
  RATE_INVITES_PER_SECOND: number(1 / 120),
  RATE_LOGINS_CAPACITY: number(30),
  RATE_LOGINS_PER_SECOND: number(0.25),
});

/** Reads and checks the environment; a missing or weak secret stops the process at start. */
export function readConfig(env: NodeJS.ProcessEnv, runtime: Runtime): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    // Names and rules only: values may be secrets.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    runtime,
    tableName: e.TABLE_NAME,
    region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION ?? 'cn-north-1',
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    searchCacheTtlMs: e.SEARCH_CACHE_TTL_SECONDS * 1000,
    auth: {
      sessionSecret: e.SESSION_SECRET,
      pseudonymSecret: e.PSEUDONYM_SECRET,
      sessionTtlSeconds: e.SESSION_TTL_SECONDS,
      devLogin: runtime === 'local' && e.AUTH_DEV_LOGIN === '1',
    },
    wechat: { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE, timeoutMs: e.WECHAT_TIMEOUT_MS },
    newsImages: { bucket: e.NEWS_IMAGE_BUCKET, dir: e.NEWS_IMAGE_DIR, urlTtlSeconds: e.NEWS_IMAGE_URL_TTL_SECONDS },
    newsTemplateId: e.WECHAT_NEWS_TEMPLATE_ID,
    reminderTemplateId: e.WECHAT_REMINDER_TEMPLATE_ID,
    catalogSnapshots: { bucket: e.CATALOG_SNAPSHOT_BUCKET, dir: e.CATALOG_SNAPSHOT_DIR },
    rateLimit: {
      writes: { capacity: e.RATE_WRITES_CAPACITY, refillPerSecond: e.RATE_WRITES_PER_SECOND },
      invites: { capacity: e.RATE_INVITES_CAPACITY, refillPerSecond: e.RATE_INVITES_PER_SECOND },
      logins: { capacity: e.RATE_LOGINS_CAPACITY, refillPerSecond: e.RATE_LOGINS_PER_SECOND },
    },
  };
}
