import type { Context } from 'hono';
import { z } from 'zod';
import {
  DateSchema,
  EligibleCountBodySchema,
  ImportBodySchema,
  ResolutionBodySchema,
  RotationSettingsSchema,
  SchoolYearSchema,
} from '../../../../../shared';
import { ConflictError, NotFoundError, ValidationError } from '../../../errors';
import type { AppEnv } from '../../../http/app-env';
import { jsonBody, type RouteSpec, type ScopeTarget } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import { complianceReport } from '../rotation-compliance';
import { OBJECTION_ID } from '../rotation-objections';
import { batchView, RotationService } from '../rotation-service';
import { pathTarget } from '../../../http/path-targets';
import { bodyOnce, once } from '../../../http/request-once';

const EditBodySchema = z.object({
  title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过 60 个字'),
  noticeStart: DateSchema,
  noticeEnd: DateSchema.optional(),
});

export const rotationService = (c: Context<AppEnv>) => new RotationService(c.get('infra'));
const deps = (c: Context<AppEnv>) => c.get('infra');
const by = (c: Context<AppEnv>) => c.get('user')!.userKey;

const importBody = (c: Context<AppEnv>) => bodyOnce(c, ImportBodySchema);

/** A batch of one group is that group's admins' (and the district's); a district-wide one, the district's. */
const placeOf = (b: { districtId: string; groupId: string | null }): ScopeTarget =>
  b.groupId ? { type: 'group', id: b.groupId } : { type: 'district', id: b.districtId };
/** The batch as the request found it (loaded once by the access target); after a write, read it again. */
const batchOf = (c: Context<AppEnv>) => once(c, 'batch', () => freshBatch(c));
const freshBatch = (c: Context<AppEnv>) => rotationService(c).get(c.req.param('id') ?? '');
const batchTarget = async (c: Context<AppEnv>) => placeOf(await batchOf(c));
/** Objections are for district admins only, whatever the batch's group. */
const batchDistrict = async (c: Context<AppEnv>): Promise<ScopeTarget> => ({ type: 'district', id: (await batchOf(c)).districtId });
const ADMINS = ['group_admin', 'district_admin'] as Array<'group_admin' | 'district_admin'>;

export const rotationAdminRoutes: RouteSpec[] = [
  {
    method: 'POST',
    path: '/api/admin/rotation/batches/import',
    access: { kind: 'roles', roles: ADMINS, target: async (c) => placeOf((await importBody(c)).meta) },
    handler: async (c) => {
      const { meta, format, file } = await importBody(c);
      const batch = await rotationService(c).importBatch(meta, format, file, by(c));
      return c.json({ batch: batchView(batch, deps(c).now()) }, 201);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/batches',
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => {
      const batches = await deps(c).rotation.listBatchesOfDistrict(c.req.param('id')!);
      return c.json({ items: batches.map((b) => batchView(b, deps(c).now())).sort((a, b) => b.noticeStart.localeCompare(a.noticeStart)) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/groups/:id/rotation/batches',
    access: { kind: 'roles', roles: ADMINS, target: pathTarget('group') },
    handler: async (c) => {
      const group = (await deps(c).catalog.getGroupWithMembers(c.req.param('id')!))!.group;
      // A group's batches are those made for that group alone (the ones its admins manage).
      const batches = (await deps(c).rotation.listBatchesOfDistrict(group.districtId)).filter((b) => b.groupId === group.id);
      return c.json({ items: batches.map((b) => batchView(b, deps(c).now())).sort((a, b) => b.noticeStart.localeCompare(a.noticeStart)) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/rotation/batches/:id',
    access: { kind: 'roles', roles: ADMINS, target: batchTarget },
    handler: async (c) => {
      const batch = await batchOf(c);
      const assignments = await rotationService(c).assignments(batch.id);
      return c.json({
        batch: batchView(batch, deps(c).now()),
        history: batch.history,
        assignments: assignments.map(({ kind: _k, batchId: _b, ...a }) => a),
      });
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/rotation/batches/:id',
    access: { kind: 'roles', roles: ADMINS, target: batchTarget },
    handler: async (c) => {
      const fields = parseOr(EditBodySchema, await jsonBody(c));
      const batch = await rotationService(c).editDraft(await batchOf(c), fields);
      return c.json({ batch: batchView(batch, deps(c).now()) });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/publish',
    access: { kind: 'roles', roles: ADMINS, target: batchTarget },
    handler: async (c) => {
      await rotationService(c).publish(await batchOf(c), by(c));
      return c.json({ batch: batchView(await freshBatch(c), deps(c).now()) });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/withdraw',
    access: { kind: 'roles', roles: ADMINS, target: batchTarget },
    handler: async (c) => {
      await rotationService(c).withdraw(await batchOf(c), by(c));
      return c.json({ batch: batchView(await freshBatch(c), deps(c).now()) });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/rotation/batches/:id/objections',
    access: { kind: 'roles', roles: ['district_admin'], target: batchDistrict },
    handler: async (c) => {
      const batch = await batchOf(c);
      const [objections, assignments] = await Promise.all([
        deps(c).rotation.listObjections(batch.id),
        deps(c).rotation.listAssignments(batch.id),
      ]);
      // The admin reads whom an objection is about, not an internal id.
      const names = new Map(assignments.map((a) => [a.id, a.teacherName]));
      return c.json({
        items: objections.map(({ kind: _k, resolvedBy: _by, ...o }) => ({
          ...o,
          teacherName: o.assignmentId ? (names.get(o.assignmentId) ?? null) : null,
        })),
      });
    },
  },
  {
    method: 'POST',
    path: '/api/admin/rotation/batches/:id/objections/:objectionId/resolve',
    access: { kind: 'roles', roles: ['district_admin'], target: batchDistrict },
    handler: async (c) => {
      const { resolution } = parseOr(ResolutionBodySchema, await jsonBody(c));
      const objectionId = c.req.param('objectionId') ?? '';
      if (!OBJECTION_ID.test(objectionId)) throw new NotFoundError('未找到该异议');
      const batch = await batchOf(c);
      if (!(await deps(c).rotation.resolveObjection(batch.id, objectionId, resolution, by(c), deps(c).now().toISOString()))) {
        const exists = (await deps(c).rotation.listObjections(batch.id)).some((o) => o.id === objectionId);
        if (!exists) throw new NotFoundError('未找到该异议');
        throw new ConflictError('OBJECTION_RESOLVED', '该异议已有处理结果');
      }
      return c.json({ ok: true });
    },
  },
  {
    method: 'PUT',
    path: '/api/admin/schools/:id/eligible-teachers',
    access: { kind: 'roles', roles: ADMINS, target: pathTarget('school') },
    handler: async (c) => {
      const body = parseOr(EligibleCountBodySchema, await jsonBody(c));
      const school = (await deps(c).catalog.getSchoolWithCampuses(c.req.param('id')!))!.school;
      await deps(c).rotation.putEligible(school.districtId, {
        kind: 'eligible-teachers',
        schoolId: school.id,
        ...body,
        updatedAt: deps(c).now().toISOString(),
      });
      return c.json({ schoolId: school.id, ...body });
    },
  },
  {
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/settings',
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => c.json(await deps(c).rotation.getSettings(c.req.param('id')!)),
  },
  {
    method: 'PUT',
    path: '/api/admin/districts/:id/rotation/settings',
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => {
      const settings = parseOr(RotationSettingsSchema, await jsonBody(c));
      await deps(c).rotation.putSettings(c.req.param('id')!, settings);
      return c.json(settings);
    },
  },
  {
    method: 'GET',
    path: '/api/admin/districts/:id/rotation/compliance',
    access: { kind: 'roles', roles: ['district_admin'], target: pathTarget('district') },
    handler: async (c) => {
      const schoolYear = parseOr(SchoolYearSchema, c.req.query('schoolYear'), () => new ValidationError('请指定学年，如 2026-2027'));
      return c.json(await complianceReport(deps(c), c.req.param('id')!, schoolYear));
    },
  },
];
