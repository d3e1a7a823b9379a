import type { Services } from '../services';
import type { RequestUser } from '../features/identity/request-user';

/** What the adapters hand the core besides the request. */
export interface AppBindings {
  /** Set only by the WeChat cloud adapter, from WeChat's context variables (wechat/wx-context.ts, trusted). */
  wxOpenId?: string;
  /** The caller's address as the runtime saw it (Lambda: API Gateway's sourceIp; local: the socket). For per-IP limits only; never logged. */
  sourceIp?: string;
}

export type AppEnv = {
  Bindings: AppBindings;
  Variables: {
    services: Services;
    user: RequestUser | null;
    /** A token was sent but is invalid, expired or its session ended: 401, not "anonymous". */
    sessionRejected: boolean;
  };
};
