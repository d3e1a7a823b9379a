import { z } from 'zod';
import {
  DateSchema,
  EligibleCountBodySchema,
  IMPORT_FILE_BASE64_MAX,
  ImportBodySchema,
  ResolutionBodySchema,
  RotationSettingsSchema,
  SchoolYearSchema,
} from '../../../../../shared';
import { ValidationError } from '../../../errors';
import { catalogParam, idParam } from '../../../http/path-params';
import { route, type Reference } from '../../../http/route';
import type { Services } from '../../../services';
import { batchParams } from './batch-params';
import { OBJECTION_ID, OBJECTION_NOT_FOUND } from '../domain/objection-id';
import { lazySchema } from '../../../../../shared/lazy-schema';

const EditBodySchema = lazySchema(() =>
  z.object({
    title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过 60 个字'),
    noticeStart: DateSchema,
    noticeEnd: DateSchema.optional(),
  }),
);
const ComplianceQuerySchema = lazySchema(() => z.object({ schoolYear: SchoolYearSchema }));

/** The file's base64 beside a batch description of a few hundred bytes; the schema caps the file itself (400). */
const IMPORT_BODY_BYTES_MAX = IMPORT_FILE_BASE64_MAX + 64 * 1024;
const ADMINS = ['group_admin', 'district_admin'] as const;
const DISTRICT_ADMIN = ['district_admin'] as const;
/** For staff writes whose body names no district, group or school. */
const noReferences = (): Reference[] => [];

/**
 * Where a batch lies, and where its description names it: a group's batch is that group's
 * admins' (and the district's); a district-wide one, the district's.
 */
const placeOf = (b: { districtId: string; groupId: string | null }): Reference =>
  b.groupId
    ? { path: 'meta.groupId', target: { type: 'group', id: b.groupId } }
    : { path: 'meta.districtId', target: { type: 'district', id: b.districtId } };

const districtParams = { id: catalogParam('district') };
const loadBatch = (services: Services, { params }: { params: { id: string } }) => services.rotationBatches.get(params.id);

export const rotationAdminRoutes = [
  route({
    method: 'POST',
    path: '/api/admin/rotation/batches/import',
    body: { schema: ImportBodySchema, maxBytes: IMPORT_BODY_BYTES_MAX, tooLarge: '导入文件过大，请拆分文件后重新上传' },
    access: { kind: 'roles', roles: ADMINS },
    target: ({ body }) => placeOf(body.meta).target,
    // The rows' schools are checked against the batch's place by the import itself (an import error per cell).
    references: ({ body }) => [placeOf(body.meta)],
    handler: async (c, { body, user, services }) => c.json({ batch: await services.rotationBatches.importBatch(body, user) }, 201),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/batches',
    params: districtParams,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json({ items: await services.rotationBatches.ofDistrict(params.id) }),
  }),
  route({
    method: 'GET',
    path: '/api/admin/groups/:id/rotation/batches',
    params: { id: catalogParam('group') },
    access: { kind: 'roles', roles: ADMINS },
    target: ({ params }) => ({ type: 'group', id: params.id }),
    handler: async (c, { params, services }) => c.json({ items: await services.rotationBatches.ofGroup(params.id) }),
  }),
  route({
    method: 'GET',
    path: '/api/admin/rotation/batches/:id',
    params: batchParams,
    load: loadBatch,
    access: { kind: 'roles', roles: ADMINS },
    target: ({ subject }) => placeOf(subject).target,
    handler: async (c, { subject, services }) => c.json(await services.rotationBatches.detail(subject)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/rotation/batches/:id',
    params: batchParams,
    body: EditBodySchema,
    load: loadBatch,
    access: { kind: 'roles', roles: ADMINS },
    target: ({ subject }) => placeOf(subject).target,
    references: noReferences,
    handler: async (c, { body, subject, services }) => c.json({ batch: await services.rotationBatches.editDraft(subject, body) }),
  }),
  route({
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/publish',
    params: batchParams,
    load: loadBatch,
    access: { kind: 'roles', roles: ADMINS },
    target: ({ subject }) => placeOf(subject).target,
    references: noReferences,
    handler: async (c, { subject, user, services }) => c.json({ batch: await services.rotationBatches.publish(subject, user) }),
  }),
  route({
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/withdraw',
    params: batchParams,
    load: loadBatch,
    access: { kind: 'roles', roles: ADMINS },
    target: ({ subject }) => placeOf(subject).target,
    references: noReferences,
    handler: async (c, { subject, user, services }) => c.json({ batch: await services.rotationBatches.withdraw(subject, user) }),
  }),
  route({
    method: 'GET',
    path: '/api/admin/rotation/batches/:id/objections',
    params: batchParams,
    load: loadBatch,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    // Objections are for district admins only, whatever the batch's group.
    target: ({ subject }) => ({ type: 'district', id: subject.districtId }),
    handler: async (c, { subject, services }) => c.json({ items: await services.rotationObjections.list(subject) }),
  }),
  route({
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/objections/:objectionId/resolve',
    params: { ...batchParams, objectionId: idParam(OBJECTION_ID, OBJECTION_NOT_FOUND) },
    body: ResolutionBodySchema,
    load: (services, { params }) => services.rotationBatches.get(params.id),
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ subject }) => ({ type: 'district', id: subject.districtId }),
    references: noReferences,
    handler: async (c, { params, body, subject, user, services }) => {
      await services.rotationObjections.resolve(subject, params.objectionId, body.resolution, user);
      return c.json({ ok: true });
    },
  }),
  route({
    method: 'PUT',
    path: '/api/admin/schools/:id/eligible-teachers',
    params: { id: catalogParam('school') },
    body: EligibleCountBodySchema,
    access: { kind: 'roles', roles: ADMINS },
    target: ({ params }) => ({ type: 'school', id: params.id }),
    references: noReferences,
    handler: async (c, { params, body, services }) => c.json(await services.rotationPolicy.putEligible(params.id, body)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/settings',
    params: districtParams,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.rotationPolicy.settings(params.id)),
  }),
  route({
    method: 'PUT',
    path: '/api/admin/districts/:id/rotation/settings',
    params: districtParams,
    body: RotationSettingsSchema,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    references: noReferences,
    handler: async (c, { params, body, services }) => c.json(await services.rotationPolicy.putSettings(params.id, body)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/compliance',
    params: districtParams,
    query: { schema: ComplianceQuerySchema, invalid: () => new ValidationError('请指定学年，如 2026-2027') },
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, query, services }) => c.json(await services.rotationPolicy.compliance(params.id, query.schoolYear)),
  }),
];
