import type { MiddlewareHandler } from 'hono';
import { isAllowed } from '../features/identity/domain/authorize';
import { ForbiddenError, InvalidSessionError, RateLimitedError, UnauthenticatedError } from '../errors';
import type { AppEnv } from './app-env';
import type { RouteSpec } from './route-spec';
import { isWrite } from './route';

/**
 * Applies a route's declaration: 401 without a user (or with a rejected session), the entity
 * resolved (404 if missing), 403 outside the caller's scope, then the write rate limit.
 */
export function enforceAccess(spec: RouteSpec): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { access } = spec;
    const user = c.get('user');
    if (access.kind !== 'public') {
      if (!user) throw c.get('sessionRejected') ? new InvalidSessionError() : new UnauthenticatedError();
      if (access.kind === 'roles') {
        const services = c.get('services');
        const target = await access.target(c);
        const [placement, grants] = await Promise.all([services.scopes.placementOf(target), user.grants()]);
        if (!isAllowed(grants, access.roles, placement)) throw new ForbiddenError();
      }
    }
    if (user && isWrite(spec)) {
      const result = await c.get('services').rateLimiter.take(user.userKey, spec.rateBucket ?? 'writes');
      if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
    }
    await next();
  };
}
