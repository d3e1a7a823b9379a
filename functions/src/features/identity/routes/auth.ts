import { DevLoginBodySchema, WechatLoginBodySchema } from '../../../../../shared';
import { route } from '../../../http/route';

export const authRoutes = [
  route({
    method: 'POST',
    path: '/api/auth/wechat',
    body: WechatLoginBodySchema,
    access: { kind: 'public' },
    // The address is only the runtime's (c.env), for the per-address login limit.
    handler: async (c, { body, services }) =>
      c.json(await services.sessions.loginWithWechat({ code: body.code, sourceIp: c.env?.sourceIp })),
  }),
  route({
    method: 'POST',
    path: '/api/auth/logout',
    access: { kind: 'user' },
    handler: async (c, { user, services }) => {
      await services.sessions.logout(user);
      return c.json({ ok: true });
    },
  }),
];

/** Registered only when config.auth.devLogin (local server with AUTH_DEV_LOGIN=1). */
export const devLoginRoute = route({
  method: 'POST',
  path: '/api/auth/dev',
  body: DevLoginBodySchema,
  access: { kind: 'public' },
  handler: async (c, { body, services }) => c.json(await services.sessions.loginDev(body)),
});
