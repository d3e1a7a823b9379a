import { createHmac } from 'node:crypto';

/**
 * The stored user id is HMAC-SHA256(pseudonym secret, openid), never the openid: a copy of
 * the table alone does not say which WeChat user anyone is (PIPL: minimise identifiers).
 */
export function userKeyFor(openid: string, pseudonymSecret: string): string {
  return createHmac('sha256', pseudonymSecret).update(`openid:${openid}`).digest('base64url');
}

/** Invite ids: HMAC of the code, so the table never holds a redeemable code. */
export function inviteIdFor(code: string, pseudonymSecret: string): string {
  return createHmac('sha256', pseudonymSecret).update(`invite:${code}`).digest('base64url').slice(0, 32);
}

/** A source address's key for per-address limits: HMAC of its block, so the table never holds an IP. */
export function sourceKeyFor(block: string, pseudonymSecret: string): string {
  return createHmac('sha256', pseudonymSecret).update(`source:${block}`).digest('base64url');
}
