import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';

/**
 * Works out who is calling (the session service decides how). A bad token is an error only
 * where a user is required, so it is recorded here and answered by the route.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const caller = await c.get('services').sessions.identify({
    wxOpenId: c.env?.wxOpenId,
    authorization: c.req.header('authorization'),
  });
  c.set('user', caller === 'rejected' ? null : caller);
  c.set('sessionRejected', caller === 'rejected');
  return next();
};
