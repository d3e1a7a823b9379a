/** writes and invites are per user (by pseudonym), logins per source address (by its HMAC). */
export type RateBucket = 'writes' | 'invites' | 'logins';
