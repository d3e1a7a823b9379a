import { z } from 'zod';
import { CATALOG_IMPORT_FILE_BASE64_MAX, CatalogImportBodySchema, ImportFormatSchema, TermIdSchema } from '../../../../../shared';
import { ValidationError } from '../../../errors';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { lazySchema } from '../../../../../shared/lazy-schema';

const TemplateQuerySchema = lazySchema(() => z.object({ format: ImportFormatSchema.default('xlsx') }));
const ExportQuerySchema = lazySchema(() => z.object({ format: ImportFormatSchema.default('xlsx'), term: TermIdSchema.optional() }));
const CONTENT_TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' };
/** The file's base64 beside three small fields; the schema caps the file itself (400), this the body (413). */
const IMPORT_BODY_BYTES_MAX = CATALOG_IMPORT_FILE_BASE64_MAX + 64 * 1024;
const DISTRICT_ADMIN = ['district_admin'] as const;
const fileAnswer = (file: Buffer, format: 'xlsx' | 'csv', name: string) => ({
  body: new Uint8Array(file),
  headers: { 'content-type': CONTENT_TYPES[format], 'content-disposition': `attachment; filename="${name}.${format}"` },
});

/** The catalogue's spreadsheet: template, import (preview and apply) and export (issue 14). */
export const catalogImportRoutes = [
  route({
    method: 'GET',
    path: '/api/catalog/template',
    query: { schema: TemplateQuerySchema, invalid: () => new ValidationError('模板格式须为 xlsx 或 csv') },
    access: { kind: 'public' },
    handler: async (c, { query: { format }, services }) => {
      const answer = fileAnswer(await services.catalogImport.template(format), format, 'catalog-template');
      return c.body(answer.body, 200, answer.headers);
    },
  }),
  route({
    method: 'POST',
    path: '/api/admin/districts/:id/catalog/import',
    params: { id: catalogParam('district') },
    body: { schema: CatalogImportBodySchema, maxBytes: IMPORT_BODY_BYTES_MAX, tooLarge: '导入文件过大，请拆分文件后重新上传' },
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    // The body names no district, group or school by id outside the file; the file's ids are
    // looked up within the path's district by the import itself (an import error per cell).
    references: () => [],
    handler: async (c, { params, body, services }) => c.json(await services.catalogImport.importFile(params.id, body)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/catalog/export',
    params: { id: catalogParam('district') },
    query: { schema: ExportQuerySchema, invalid: () => new ValidationError('导出格式须为 xlsx 或 csv，学期如 2026-1') },
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, query, services }) => {
      const file = await services.catalogImport.exportSheet(params.id, query.format, query.term);
      const answer = fileAnswer(file, query.format, `catalog-${params.id}`);
      return c.body(answer.body, 200, answer.headers);
    },
  }),
];
