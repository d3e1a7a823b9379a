import { RoundPublicationSchema } from '../../../../../shared';
import { catalogParam } from '../../../http/path-params';
import { jsonText } from '../../../http/json-text';
import { route } from '../../../http/route';
import { CreateRoundBodySchema, invalidRoundBody, LockBodySchema, ScoreBodySchema } from '../round-input';
import { loadRound, roundDistrict, roundParam } from './round-params';

/** Evaluation rounds: the district's (district admins), with manual scores, locking and publication. */
export const evaluationRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/rounds',
    params: { id: catalogParam('district') },
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.evaluation.roundsOfDistrict(params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/rounds',
    body: { schema: CreateRoundBodySchema, invalid: invalidRoundBody },
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ body }) => ({ type: 'district', id: body.districtId }),
    // The district is the target; its surveys and previous round are checked by the service (400).
    references: () => [],
    handler: async (c, { body, services }) => c.json(await services.evaluation.create(body), 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/rounds/:id/report',
    params: { id: roundParam },
    load: loadRound,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: roundDistrict,
    handler: async (c, { subject, services }) => jsonText(c, await services.evaluationReports.reportText(subject)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/rounds/:id/scores',
    params: { id: roundParam },
    body: ScoreBodySchema,
    load: loadRound,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: roundDistrict,
    references: ({ body }) => [{ path: 'schoolId', target: { type: 'school', id: body.schoolId } }],
    handler: async (c, { subject, body, services }) => {
      await services.evaluation.putScore(subject, body);
      return c.json({ ok: true });
    },
  }),
  route({
    method: 'POST',
    path: '/api/admin/rounds/:id/lock',
    params: { id: roundParam },
    body: LockBodySchema,
    load: loadRound,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: roundDistrict,
    references: () => [],
    handler: async (c, { subject, body, user, services }) => c.json(await services.evaluation.lock(subject, body, user)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/rounds/:id/publication',
    params: { id: roundParam },
    body: RoundPublicationSchema,
    load: loadRound,
    access: { kind: 'roles', roles: ['district_admin'] },
    target: roundDistrict,
    references: () => [],
    handler: async (c, { subject, body, user, services }) => c.json(await services.evaluation.publish(subject, body, user)),
  }),
];
