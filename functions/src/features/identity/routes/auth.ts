import { DevLoginBodySchema, WechatLoginBodySchema } from '../../../../../shared';
import { jsonBody, type RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { SessionService } from '../session-service';

export const authRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/auth/wechat',
    access: { kind: 'public' },
    handler: async (c) => {
      const { code } = parseOr(WechatLoginBodySchema, await jsonBody(c));
      return c.json(await new SessionService(c.get('infra')).loginWithWechat(code));
    },
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    access: { kind: 'user' },
    handler: async (c) => {
      await new SessionService(c.get('infra')).logout(c.get('user')!);
      return c.json({ ok: true });
    },
  },
];

/** Registered only when config.auth.devLogin (local server with AUTH_DEV_LOGIN=1). */
export const devLoginRoute: RouteSpec = {
  method: 'POST',
  path: '/api/auth/dev',
  access: { kind: 'public' },
  handler: async (c) => {
    const body = parseOr(DevLoginBodySchema, await jsonBody(c));
    return c.json(await new SessionService(c.get('infra')).loginDev(body));
  },
};
