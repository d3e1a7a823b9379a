import type { Infrastructure } from '../infrastructure';
import type { Services } from '../services';
import type { RequestUser } from '../features/identity/request-user';

/** What the adapters hand the core besides the request. */
export interface AppBindings {
  /** Set only by the WeChat cloud adapter, from cloud.getWXContext() (trusted by WeChat). */
  wxOpenId?: string;
  /** The caller's address as the runtime saw it (Lambda: API Gateway's sourceIp; local: the socket). For per-IP limits only; never logged. */
  sourceIp?: string;
}

/**
 * Transitional: what routes not yet declared with http/route.ts reach through `c.get('infra')`.
 * Removed when every route is declared (the layer test then forbids it).
 */
export type LegacyInfra = Infrastructure & Pick<Services, 'directory' | 'scopes'>;

export type AppEnv = {
  Bindings: AppBindings;
  Variables: {
    services: Services;
    infra: LegacyInfra;
    user: RequestUser | null;
    /** A token was sent but is invalid, expired or its session ended: 401, not "anonymous". */
    sessionRejected: boolean;
    /** What a request loaded once (http/request-once.ts): its body, the entity it acts on. */
    once: Map<string, Promise<unknown>>;
  };
};
