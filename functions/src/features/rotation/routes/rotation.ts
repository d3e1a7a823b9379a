import { z } from 'zod';
import { IdSchema, ImportFormatSchema, ObjectionBodySchema } from '../../../../../shared';
import { ValidationError } from '../../../errors';
import { idParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { OBJECTION_RECEIPT, RECEIPT_NOT_FOUND } from '../objection-receipts';
import { batchParams } from './batch-params';
import { rotationAdminRoutes } from './rotation-admin';
import { lazySchema } from '../../../../../shared/lazy-schema';

const TemplateQuerySchema = lazySchema(() => z.object({ format: ImportFormatSchema.default('xlsx') }));
const ListQuerySchema = lazySchema(() => z.union([z.object({ groupId: IdSchema }), z.object({ districtId: IdSchema })]));
const SearchSchema = lazySchema(() =>
  z.object({ teacher: z.string().trim().max(20).optional(), school: z.string().trim().max(30).optional() }),
);

const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };

/** Teacher rotation: public notices, 我的交流, objections; the admin routes live in rotation-admin.ts. */
export const rotationRoutes = [
  route({
    method: 'GET',
    path: '/api/rotation/template',
    query: { schema: TemplateQuerySchema, invalid: () => new ValidationError('模板格式须为 xlsx 或 csv') },
    access: { kind: 'public' },
    handler: async (c, { query: { format }, services }) =>
      c.body(new Uint8Array(await services.rotationNotices.template(format)), 200, {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="rotation-template.${format}"`,
      }),
  }),
  route({
    method: 'GET',
    path: '/api/rotation/batches',
    query: { schema: ListQuerySchema, invalid: () => new ValidationError('请指定区县（districtId）或教育集团（groupId）') },
    access: { kind: 'public' },
    handler: async (c, { query, services }) => c.json({ items: await services.rotationNotices.list(query) }),
  }),
  route({
    method: 'GET',
    path: '/api/rotation/batches/:id',
    params: batchParams,
    query: { schema: SearchSchema, invalid: () => new ValidationError('搜索词过长') },
    load: (services, { params }) => services.rotationNotices.get(params.id),
    access: { kind: 'public' },
    handler: async (c, { query, subject, services }) => c.json(await services.rotationNotices.notice(subject, query)),
  }),
  route({
    method: 'GET',
    path: '/api/me/rotation',
    access: { kind: 'user' },
    handler: async (c, { user, services }) => c.json(await services.rotationNotices.mine(user)),
  }),
  route({
    method: 'POST',
    path: '/api/rotation/batches/:id/objections',
    params: batchParams,
    body: ObjectionBodySchema,
    load: (services, { params }) => services.rotationNotices.get(params.id),
    access: { kind: 'user' },
    handler: async (c, { body, subject, user, services }) => {
      const { id, held, receipt } = await services.rotationObjections.file(subject, body, user);
      return c.json({ id, held, receipt, message: held ? '异议已提交，内容需人工审核后处理' : '异议已提交，区教育局将在核实后处理' }, 201);
    },
  }),
  route({
    method: 'GET',
    path: '/api/rotation/objection-receipts/:receipt',
    // The receipt is the credential (its holder filed the objection): no login needed to read a status.
    params: { receipt: idParam(OBJECTION_RECEIPT, RECEIPT_NOT_FOUND) },
    access: { kind: 'public' },
    handler: async (c, { params, services }) => c.json(await services.rotationObjections.status(params.receipt)),
  }),
  ...rotationAdminRoutes,
];
