import type { Infrastructure } from '../../infrastructure';
import { RateLimiter } from './rate-limiter';
import { ScopeResolver } from './scope-resolver';

/** Identity's services (sessions, 我的, staff, access scopes, rate limits), built once per container. */
export function identityServices(infra: Infrastructure) {
  return {
    scopes: new ScopeResolver(infra.catalog, infra.staff),
    rateLimiter: new RateLimiter(infra),
  };
}
