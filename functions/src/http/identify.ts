import type { MiddlewareHandler } from 'hono';
import { userKeyFor } from '../features/identity/domain/pseudonym';
import { verifySessionToken } from '../features/identity/session-token';
import type { AppEnv } from './app-env';
import { RequestUser } from '../features/identity/request-user';

/**
 * Works out who is calling. The cloud adapter's openid (from getWXContext) is trusted as is;
 * over HTTP a Bearer session token is verified and its session must still exist (logout and
 * DELETE /api/me end it at once). A bad token is an error only where a user is required.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config, users, now } = c.get('infra');
  c.set('user', null);
  c.set('sessionRejected', false);
  const openid = c.env?.wxOpenId;
  if (openid) {
    c.set('user', new RequestUser(userKeyFor(openid, config.auth.pseudonymSecret), null, users, openid));
    return next();
  }
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? await verifySessionToken(match[1], config.auth.sessionSecret, now()) : null;
    const session = claims && (await users.getSession(claims.userKey, claims.sessionId, Math.floor(now().getTime() / 1000)));
    if (claims && session) c.set('user', new RequestUser(claims.userKey, claims.sessionId, users, session.openid ?? null));
    else c.set('sessionRejected', true);
  }
  return next();
};
