import { z } from 'zod';
import { ValidationError } from '../../../errors';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { lazySchema } from '../../../../../shared/lazy-schema';

const MAX_FAMILIES = 100_000;
const FAMILIES_MESSAGE = `在校家庭数须为 0 到 ${MAX_FAMILIES} 的整数`;
// The same words for a missing, non-numeric, fractional or out-of-range value: the admin fixes one field.
const EnrollmentBodySchema = lazySchema(() =>
  z.object({
    families: z.number({ error: FAMILIES_MESSAGE }).int({ error: FAMILIES_MESSAGE }).min(0, { error: FAMILIES_MESSAGE }).max(MAX_FAMILIES, {
      error: FAMILIES_MESSAGE,
    }),
  }),
);

/** 在校家庭数 of schools: district admins read their district's, group admins (and district admins) a group's. */
export const enrollmentRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/enrollments',
    params: { id: catalogParam('district') },
    access: { kind: 'roles', roles: ['district_admin'] },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.enrollment.ofDistrict(params.id)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/enrollments',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'] },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.enrollment.ofGroup(params.id)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/schools/:id/enrollment',
    params: { id: catalogParam('school') },
    // The field's own words are the answer's message, so any client shows them as they are.
    body: { schema: EnrollmentBodySchema, invalid: (issues) => new ValidationError(issues[0]?.message ?? FAMILIES_MESSAGE, issues) },
    access: { kind: 'roles', roles: ['group_admin', 'district_admin'] },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.enrollment.set(params.id, body.families)),
  }),
];
