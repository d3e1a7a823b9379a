import { BindSchoolBodySchema, RedeemInviteBodySchema } from '../../../../../shared';
import { idParam } from '../../../http/path-params';
import { route } from '../../../http/route';

/** A school id (IdSchema's form); anything else cannot be bound, so it is "not bound". */
const boundSchoolParam = idParam(/^[a-z0-9][a-z0-9-]{0,63}$/, '未绑定该学校');

export const meRoutes = [
  route({
    method: 'GET',
    path: '/api/me',
    access: { kind: 'user' },
    handler: async (c, { user, services }) => c.json(await services.me.me(user)),
  }),
  route({
    method: 'DELETE',
    path: '/api/me',
    access: { kind: 'user' },
    handler: async (c, { user, services }) => c.json(await services.me.deleteEverything(user)),
  }),
  route({
    method: 'POST',
    path: '/api/me/schools',
    body: BindSchoolBodySchema,
    access: { kind: 'user' },
    handler: async (c, { body, user, services }) => c.json(await services.me.bindSchool(user, body.schoolId)),
  }),
  route({
    method: 'DELETE',
    path: '/api/me/schools/:schoolId',
    params: { schoolId: boundSchoolParam },
    access: { kind: 'user' },
    handler: async (c, { params, user, services }) => c.json(await services.me.unbindSchool(user, params.schoolId)),
  }),
  route({
    method: 'POST',
    path: '/api/me/invite',
    body: RedeemInviteBodySchema,
    access: { kind: 'user' },
    // Its own small bucket: a code cannot be found by trying many.
    rateBucket: 'invites',
    handler: async (c, { body, user, services }) => c.json(await services.me.redeemInvite(user, body.code)),
  }),
];
