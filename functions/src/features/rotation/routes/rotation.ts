import { z } from 'zod';
import { IdSchema, ImportFormatSchema, ObjectionBodySchema } from '../../../../../shared';
import { NotFoundError, ValidationError } from '../../../errors';
import { jsonBody, type RouteSpec } from '../../../http/route-spec';
import { parseOr } from '../../../http/validate';
import type { TeacherBindingItem } from '../../identity/identity-items';
import { rotationTemplate } from '../rotation-file';
import { fileObjection } from '../rotation-objections';
import { batchView, isPublic } from '../rotation-service';
import { rotationAdminRoutes, rotationService } from './rotation-admin';

const ListQuerySchema = z.union([z.object({ groupId: IdSchema }), z.object({ districtId: IdSchema })]);
const SearchSchema = z.object({ teacher: z.string().trim().max(20).optional(), school: z.string().trim().max(30).optional() });

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

/** Teacher rotation: public notices, 我的交流, objections; the admin routes live in rotation-admin.ts. */
export const rotationRoutes: RouteSpec[] = [
  {
    method: 'GET',
    path: '/api/rotation/template',
    access: { kind: 'public' },
    handler: async (c) => {
      const format = parseOr(ImportFormatSchema, c.req.query('format') ?? 'xlsx', () => new ValidationError('模板格式须为 xlsx 或 csv'));
      return c.body(new Uint8Array(await rotationTemplate(format)), 200, {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="rotation-template.${format}"`,
      });
    },
  },
  {
    method: 'GET',
    path: '/api/rotation/batches',
    access: { kind: 'public' },
    handler: async (c) => {
      const query = parseOr(ListQuerySchema, c.req.query(), () => new ValidationError('请指定区县（districtId）或教育集团（groupId）'));
      const { catalog, rotation, now } = c.get('infra');
      let districtId: string;
      if ('groupId' in query) {
        const group = await catalog.getGroupWithMembers(query.groupId);
        if (!group) throw new NotFoundError('未找到该教育集团');
        districtId = group.group.districtId;
      } else districtId = query.districtId;
      const batches = (await rotation.listBatchesOfDistrict(districtId)).filter(
        (b) => isPublic(b, now()) && (!('groupId' in query) || b.groupId === query.groupId),
      );
      return c.json({ items: batches.map((b) => batchView(b, now())).sort((a, b) => b.noticeStart.localeCompare(a.noticeStart)) });
    },
  },
  {
    method: 'GET',
    path: '/api/rotation/batches/:id',
    access: { kind: 'public' },
    handler: async (c) => {
      const search = parseOr(SearchSchema, c.req.query(), () => new ValidationError('搜索词过长'));
      const batch = await rotationService(c).getPublic(c.req.param('id')!);
      const assignments = await rotationService(c).assignments(batch.id, search);
      return c.json({
        batch: batchView(batch, c.get('infra').now()),
        assignments: assignments.map(({ kind: _k, batchId: _b, ...a }) => a),
      });
    },
  },
  {
    method: 'GET',
    path: '/api/me/rotation',
    access: { kind: 'user' },
    handler: async (c) => {
      const { rotation, catalog, now } = c.get('infra');
      const bindings = (await c.get('user')!.allItems()).filter((i): i is TeacherBindingItem => i.kind === 'teacher-binding');
      const found = (await Promise.all(bindings.map((b) => rotation.listAssignmentsOfTeacher(b.schoolId, b.name)))).flat();
      const items = [];
      for (const assignment of found) {
        const batch = await rotation.getBatch(assignment.batchId);
        if (!batch || !isPublic(batch, now()) || batch.supersededBy) continue;
        const groups = await catalog.listGroupsOfSchool(assignment.toSchoolId);
        const { kind: _k, ...rest } = assignment;
        items.push({
          ...rest,
          batch: batchView(batch, now()),
          // The catalogue holds no street addresses yet: null rather than an invented one.
          toSchool: {
            id: assignment.toSchoolId,
            name: assignment.toSchoolName,
            address: null,
            groups: groups.map((g) => ({ id: g.groupId, name: g.groupName })),
          },
        });
      }
      return c.json({ teacherBound: bindings.length > 0, items: items.sort((a, b) => b.startMonth.localeCompare(a.startMonth)) });
    },
  },
  {
    method: 'POST',
    path: '/api/rotation/batches/:id/objections',
    access: { kind: 'user' },
    handler: async (c) => {
      const body = parseOr(ObjectionBodySchema, await jsonBody(c));
      const batch = await rotationService(c).getPublic(c.req.param('id')!);
      const objection = await fileObjection(c.get('infra'), c.get('user')!, batch, body);
      const held = objection.screening === 'held';
      return c.json(
        { id: objection.id, held, message: held ? '异议已提交，内容需人工审核后处理' : '异议已提交，区教育局将在核实后处理' },
        201,
      );
    },
  },
  ...rotationAdminRoutes,
];
