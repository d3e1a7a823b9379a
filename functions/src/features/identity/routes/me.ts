import { BindSchoolBodySchema, IdSchema, RedeemInviteBodySchema } from '../../../../../shared';
import { NotFoundError } from '../../../errors';
import { jsonBody, type RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { MeService } from '../me-service';

const me = (c: Parameters<RouteSpec['handler']>[0]) => new MeService(c.get('infra'));

export const meRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/me',
    access: { kind: 'user' },
    handler: async (c) => c.json(await me(c).me(c.get('user')!)),
  },
  {
    method: 'DELETE',
    path: '/api/me',
    access: { kind: 'user' },
    handler: async (c) => c.json(await me(c).deleteEverything(c.get('user')!)),
  },
  {
    method: 'POST',
    path: '/api/me/schools',
    access: { kind: 'user' },
    handler: async (c) => {
      const { schoolId } = parseOr(BindSchoolBodySchema, await jsonBody(c));
      return c.json(await me(c).bindSchool(c.get('user')!, schoolId));
    },
  },
  {
    method: 'DELETE',
    path: '/api/me/schools/:schoolId',
    access: { kind: 'user' },
    handler: async (c) => {
      const schoolId = parseOr(IdSchema, c.req.param('schoolId'), () => new NotFoundError('未绑定该学校'));
      return c.json(await me(c).unbindSchool(c.get('user')!, schoolId));
    },
  },
  {
    method: 'POST',
    path: '/api/me/invite',
    access: { kind: 'user' },
    // Its own small bucket: a code cannot be found by trying many.
    rateBucket: 'invites',
    handler: async (c) => {
      const { code } = parseOr(RedeemInviteBodySchema, await jsonBody(c));
      return c.json(await me(c).redeemInvite(c.get('user')!, code));
    },
  },
];
