import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA256(server secret, survey id + user). The user is already the openid's pseudonym,
 * so the marker cannot be tied to a WeChat account, nor to the response (no shared field).
 */
export const voterMarker = (secret: string, surveyId: string, userKey: string): string =>
  createHmac('sha256', secret).update(`vote:${surveyId}:${userKey}`).digest('base64url');
