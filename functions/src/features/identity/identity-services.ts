import type { Infrastructure } from '../../infrastructure';
import { MeService } from './me-service';
import { RateLimiter } from './rate-limiter';
import { ScopeResolver } from './scope-resolver';
import { SessionService } from './session-service';
import { StaffService } from './staff-service';

/** Identity's services (sessions, 我的, staff, access scopes, rate limits), built once per container. */
export function identityServices(infra: Infrastructure) {
  const rateLimiter = new RateLimiter(infra);
  const staff = new StaffService(infra);
  return {
    scopes: new ScopeResolver(infra.catalog, infra.staff, infra),
    rateLimiter,
    staff,
    sessions: new SessionService(infra, staff, rateLimiter),
    me: new MeService(infra, staff),
  };
}
