import { SaveIndicatorSystemBodySchema } from '../../../../../shared';
import { ScoreImportBodySchema } from '../../../../../shared/evaluation/score-import';
import { SCORE_IMPORT_FILE_BASE64_MAX } from '../../../../../shared/evaluation/score-import-columns';
import { catalogParam } from '../../../http/path-params';
import { route } from '../../../http/route';
import { invalidRoundBody } from '../round-input';
import { loadRound, roundDistrict, roundParam } from './round-params';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The file's base64 beside two small fields; the schema caps the file itself (400), this the body (413). */
const IMPORT_BODY_BYTES_MAX = SCORE_IMPORT_FILE_BASE64_MAX + 16 * 1024;
const DISTRICT_ADMIN = ['district_admin'] as const;

/** Manual scores by spreadsheet (template, preview, apply) and a district's saved indicator systems (issue 16). */
export const evaluationImportRoutes = [
  route({
    method: 'GET',
    path: '/api/admin/rounds/:id/scores/template',
    params: { id: roundParam },
    load: loadRound,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: roundDistrict,
    handler: async (c, { subject, services }) => {
      const { filename, file } = await services.scoreImport.template(subject);
      // An ASCII name for old clients, the Chinese one (RFC 5987) for the rest.
      const disposition = `attachment; filename="scores-${subject.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
      return c.body(new Uint8Array(file), 200, { 'content-type': XLSX, 'content-disposition': disposition });
    },
  }),
  route({
    method: 'POST',
    path: '/api/admin/rounds/:id/scores/import',
    params: { id: roundParam },
    body: { schema: ScoreImportBodySchema, maxBytes: IMPORT_BODY_BYTES_MAX, tooLarge: '导入文件过大，请拆分文件后重新上传' },
    load: loadRound,
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: roundDistrict,
    // The file's schools are looked up within the round's district by the import itself: one
    // elsewhere is a row error (不是本区学校，无权录入), and nothing is stored.
    references: () => [],
    handler: async (c, { subject, body, services }) => c.json(await services.scoreImport.importFile(subject, body)),
  }),
  route({
    method: 'GET',
    path: '/api/admin/districts/:id/indicator-systems',
    params: { id: catalogParam('district') },
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    handler: async (c, { params, services }) => c.json(await services.indicatorSystems.list(params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/admin/districts/:id/indicator-systems',
    params: { id: catalogParam('district') },
    body: { schema: SaveIndicatorSystemBodySchema, invalid: invalidRoundBody },
    access: { kind: 'roles', roles: DISTRICT_ADMIN },
    target: ({ params }) => ({ type: 'district', id: params.id }),
    // The system names no school, group or district; its surveys are dropped (each round names its own).
    references: () => [],
    handler: async (c, { params, body, user, services }) => c.json(await services.indicatorSystems.save(params.id, body, user), 201),
  }),
];
