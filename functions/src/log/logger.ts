import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured JSON logs. Identifiers of people never belong in them (PIPL; WeChat rules):
 * code never logs request bodies or raw paths with query strings, and as a second line of
 * defence these keys are censored wherever they appear.
 */
export const REDACTED_KEYS = [
  'openid',
  'openId',
  'OPENID',
  'unionid',
  'code',
  'token',
  'authorization',
  'session_key',
  'sessionKey',
  'secret',
  'appSecret',
  'userKey',
  'name',
  'phone',
];

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  const paths = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths, censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

export type { Logger };
