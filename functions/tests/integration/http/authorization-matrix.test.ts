import type { Role } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import type { Route } from '../../../src/http/route';
import { allRoutes } from '../../../src/routes';
import { StaffService } from '../../../src/features/identity/staff-service';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { catalogCsv, catalogImportBody, newSchoolRow } from '../../../../tests/support/catalog-import';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { EVALUATION_TEMPLATES } from '../../../../shared/evaluation/evaluation-templates';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * Every route × every kind of caller × where the target sits, generated from the routes'
 * own access declarations. A route without a sample here fails the test, so nobody can add
 * a route and forget to say who may call it.
 */
type Caller = 'anonymous' | Role;
/** Where the entity a request acts on sits, seen from the demo admins (group 经五, district 市中区). */
type Place = 'own-group' | 'own-district' | 'elsewhere';

const CALLERS: Caller[] = ['anonymous', 'parent', 'teacher', 'group_admin', 'district_admin'];
const PLACES: Place[] = ['own-group', 'own-district', 'elsewhere'];
const SCHOOL: Record<Place, string> = { 'own-group': 'jn-jingbalu-ps', 'own-district': 'jn-yuying-ms', elsewhere: 'qd-binhai' };

interface Sample {
  path: string;
  body?: unknown;
  /** POSTed first by the same caller, so that only access decides the answer. */
  before?: { path: string; body: unknown };
}
type Samples = Record<string, (place: Place) => Sample>;

const AUDIENCE: Record<Place, { districtId: string; groupIds?: string[] }> = {
  'own-group': { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] },
  'own-district': { districtId: 'jinan-shizhong' },
  elsewhere: { districtId: 'qingdao-shibei' },
};
const surveyIds = {} as Record<Place, string>;
const roundIds = {} as Record<Place, string>;
/** Locked: a group admin reads only locked rounds, and only locked rounds can be published. */
const lockedRoundIds = {} as Record<Place, string>;
/** 经五 (the demo group admin's), 育英 (same district), the 青岛 跨学段 pair (elsewhere). */
const GROUP: Record<Place, string> = { 'own-group': 'jn-jingwu', 'own-district': 'jn-yuying', elsewhere: 'qd-qingda-binhai' };
const teacherIds = {} as Record<Place, string>;
const newsIds = {} as Record<Place, string>;
const UNSIGNED_IMAGE = (place: Place) => `/api/news-images/${GROUP[place]}.00000000-0000-4000-8000-000000000000.png?exp=1&sig=x`;
const inviteIds = {} as Record<Place, string>;
const batchIds = {} as Record<Place, string>;
const OBJECTION = 'ob-20261123000000-000000000000';

const SAMPLES: Samples = {
  'GET /api/districts': () => ({ path: '/api/districts' }),
  'GET /api/districts/:id/groups': () => ({ path: '/api/districts/jinan-shizhong/groups' }),
  'GET /api/groups/:id': () => ({ path: '/api/groups/jn-jingwu' }),
  'GET /api/schools': () => ({ path: `/api/schools?q=${encodeURIComponent('经')}` }),
  'GET /api/schools/:id': (place) => ({ path: `/api/schools/${SCHOOL[place]}` }),
  'POST /api/auth/wechat': () => ({ path: '/api/auth/wechat', body: { code: 'matrix-code' } }),
  'POST /api/auth/dev': () => ({ path: '/api/auth/dev', body: { role: 'parent' } }),
  'POST /api/auth/logout': () => ({ path: '/api/auth/logout' }),
  'GET /api/me': () => ({ path: '/api/me' }),
  'DELETE /api/me': () => ({ path: '/api/me' }),
  'POST /api/me/schools': (place) => ({ path: '/api/me/schools', body: { schoolId: SCHOOL[place] } }),
  'DELETE /api/me/schools/:schoolId': (place) => ({ path: `/api/me/schools/${SCHOOL[place]}` }),
  'POST /api/me/invite': () => ({ path: '/api/me/invite', body: { code: 'ABCDE23456' } }),
  'POST /api/admin/teachers': (place) => ({ path: '/api/admin/teachers', body: { name: '王老师', schoolId: SCHOOL[place] } }),
  'GET /api/admin/schools/:id/teachers': (place) => ({ path: `/api/admin/schools/${SCHOOL[place]}/teachers` }),
  'POST /api/admin/invites': (place) => ({
    path: '/api/admin/invites',
    body: { target: { role: 'teacher', teacherId: teacherIds[place] } },
  }),
  'DELETE /api/admin/invites/:id': (place) => ({ path: `/api/admin/invites/${inviteIds[place]}` }),
  'POST /api/admin/surveys': (place) => ({ path: '/api/admin/surveys', body: { definition: templateSurvey(AUDIENCE[place]) } }),
  'GET /api/surveys/:id': (place) => ({ path: `/api/surveys/${surveyIds[place]}` }),
  'POST /api/surveys/:id/responses': (place) => ({
    path: `/api/surveys/${surveyIds[place]}/responses`,
    body: { schoolId: SCHOOL[place], answers: satisfactionAnswers() },
    // Bound first: SCHOOL_NOT_BOUND is about the caller's school, not their access (answering.test.ts).
    before: { path: '/api/me/schools', body: { schoolId: SCHOOL[place] } },
  }),
  'GET /api/surveys/:id/answered': (place) => ({ path: `/api/surveys/${surveyIds[place]}/answered` }),
  'GET /api/admin/surveys/:id/results': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/results` }),
  'GET /api/me/surveys': () => ({ path: '/api/me/surveys' }),
  'POST /api/admin/rounds': (place) => ({
    path: '/api/admin/rounds',
    body: { districtId: AUDIENCE[place].districtId, name: '矩阵轮次', templateId: 'jinan-shizhong', surveyIds: [surveyIds[place]] },
  }),
  'GET /api/admin/rounds/:id/report': (place) => ({ path: `/api/admin/rounds/${roundIds[place]}/report` }),
  'PUT /api/admin/rounds/:id/scores': (place) => ({
    path: `/api/admin/rounds/${roundIds[place]}/scores`,
    body: { schoolId: SCHOOL[place], dimensionId: 'school', indicatorId: 'overall', score: 80, evidence: '督导报告', enteredBy: '张老师' },
  }),
  'POST /api/admin/rounds/:id/lock': (place) => ({ path: `/api/admin/rounds/${roundIds[place]}/lock` }),
  'GET /api/admin/districts/:id/rounds': (place) => ({ path: `/api/admin/districts/${AUDIENCE[place].districtId}/rounds` }),
  'PUT /api/admin/rounds/:id/publication': (place) => ({
    path: `/api/admin/rounds/${lockedRoundIds[place]}/publication`,
    body: { published: true, show: { total: true, dimensions: true, schools: false, ranking: false } },
  }),
  'GET /api/admin/groups/:id/rounds': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/rounds` }),
  'GET /api/admin/rounds/:id/groups/:groupId': (place) => ({ path: `/api/admin/rounds/${lockedRoundIds[place]}/groups/${GROUP[place]}` }),
  'GET /api/admin/rounds/:id/export': (place) => ({ path: `/api/admin/rounds/${roundIds[place]}/export` }),
  'GET /api/groups/:id/evaluation': (place) => ({ path: `/api/groups/${GROUP[place]}/evaluation` }),
  'GET /api/admin/surveys/:id/texts': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/texts` }),
  'POST /api/admin/surveys/:id/texts/approve': (place) => ({
    path: `/api/admin/surveys/${surveyIds[place]}/texts/approve`,
    body: { ref: '0.00000000-0000-4000-8000-000000000000.0' },
  }),
  'POST /api/admin/surveys/:id/close': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/close` }),
  'GET /api/admin/surveys/:id/export': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/export` }),
  'GET /api/admin/groups/:id/surveys': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/surveys` }),
  'GET /api/admin/districts/:id/surveys': (place) => ({ path: `/api/admin/districts/${AUDIENCE[place].districtId}/surveys` }),
  'GET /api/admin/districts/:id/survey-settings': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/survey-settings`,
  }),
  'PUT /api/admin/districts/:id/survey-settings': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/survey-settings`,
    body: { recognition: 'strict-top-two' },
  }),
  'GET /api/groups/:id/news': (place) => ({ path: `/api/groups/${GROUP[place]}/news` }),
  'GET /api/me/news': () => ({ path: '/api/me/news' }),
  'GET /api/news/:id': (place) => ({ path: `/api/news/${newsIds[place]}` }),
  'POST /api/news/subscriptions': (place) => ({ path: '/api/news/subscriptions', body: { groupId: GROUP[place] } }),
  'GET /api/admin/groups/:id/news': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/news` }),
  'POST /api/admin/groups/:id/news': (place) => ({
    path: `/api/admin/groups/${GROUP[place]}/news`,
    body: { title: '矩阵动态', authorName: '集团办公室' },
  }),
  'GET /api/admin/news/:id': (place) => ({ path: `/api/admin/news/${newsIds[place]}` }),
  'PUT /api/admin/news/:id': (place) => ({
    path: `/api/admin/news/${newsIds[place]}`,
    body: { title: '矩阵动态（改）', authorName: '集团办公室', version: 2 },
  }),
  'POST /api/admin/news/:id/publish': (place) => ({ path: `/api/admin/news/${newsIds[place]}/publish`, body: {} }),
  'POST /api/admin/news/:id/unpublish': (place) => ({ path: `/api/admin/news/${newsIds[place]}/unpublish` }),
  'POST /api/admin/news-images': (place) => ({
    path: '/api/admin/news-images',
    body: { groupId: GROUP[place], contentType: 'image/png', size: 100 },
  }),
  'PUT /api/news-images/:imageId': (place) => ({ path: UNSIGNED_IMAGE(place) }),
  'GET /api/news-images/:imageId': (place) => ({ path: UNSIGNED_IMAGE(place) }),
  'PUT /api/admin/schools/:id/enrollment': (place) => ({ path: `/api/admin/schools/${SCHOOL[place]}/enrollment`, body: { families: 100 } }),
  'GET /api/admin/districts/:id/enrollments': (place) => ({ path: `/api/admin/districts/${AUDIENCE[place].districtId}/enrollments` }),
  'GET /api/admin/groups/:id/enrollments': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/enrollments` }),
  'GET /api/rotation/template': () => ({ path: '/api/rotation/template?format=csv' }),
  'GET /api/rotation/batches': (place) => ({ path: `/api/rotation/batches?districtId=${AUDIENCE[place].districtId}` }),
  'GET /api/rotation/batches/:id': (place) => ({ path: `/api/rotation/batches/${batchIds[place]}` }),
  'GET /api/me/rotation': () => ({ path: '/api/me/rotation' }),
  'POST /api/rotation/batches/:id/objections': (place) => ({
    path: `/api/rotation/batches/${batchIds[place]}/objections`,
    body: { text: '矩阵异议' },
  }),
  'POST /api/admin/rotation/batches/import': (place) => ({
    path: '/api/admin/rotation/batches/import',
    body: importBody(PLACE_META[place], PLACE_ROWS[place]()),
  }),
  'GET /api/admin/districts/:id/rotation/batches': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/rotation/batches`,
  }),
  'GET /api/admin/groups/:id/rotation/batches': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/rotation/batches` }),
  'GET /api/admin/rotation/batches/:id': (place) => ({ path: `/api/admin/rotation/batches/${batchIds[place]}` }),
  'PUT /api/admin/rotation/batches/:id': (place) => ({
    path: `/api/admin/rotation/batches/${batchIds[place]}`,
    body: { title: '矩阵批次', noticeStart: '2026-11-23' },
  }),
  'POST /api/admin/rotation/batches/:id/publish': (place) => ({ path: `/api/admin/rotation/batches/${batchIds[place]}/publish` }),
  'POST /api/admin/rotation/batches/:id/withdraw': (place) => ({ path: `/api/admin/rotation/batches/${batchIds[place]}/withdraw` }),
  'GET /api/admin/rotation/batches/:id/objections': (place) => ({ path: `/api/admin/rotation/batches/${batchIds[place]}/objections` }),
  'POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve': (place) => ({
    path: `/api/admin/rotation/batches/${batchIds[place]}/objections/${OBJECTION}/resolve`,
    body: { resolution: '已核实' },
  }),
  'PUT /api/admin/schools/:id/eligible-teachers': (place) => ({
    path: `/api/admin/schools/${SCHOOL[place]}/eligible-teachers`,
    body: { schoolYear: '2026-2027', eligible: 50 },
  }),
  'GET /api/admin/districts/:id/rotation/settings': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/rotation/settings`,
  }),
  'PUT /api/admin/districts/:id/rotation/settings': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/rotation/settings`,
    body: { rotatingPct: 10, backbonePct: 20 },
  }),
  'GET /api/admin/districts/:id/rotation/compliance': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/rotation/compliance?schoolYear=2026-2027`,
  }),
  // Catalogue admin (issue 14). Edits name a stale version (409 once access is granted), so no cell
  // changes the catalogue the other cells read; creating a school or a future-dated group is harmless.
  'GET /api/admin/districts/:id/catalog': (place) => ({ path: `/api/admin/districts/${AUDIENCE[place].districtId}/catalog` }),
  'GET /api/admin/groups/:id/catalog': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/catalog` }),
  'PUT /api/admin/districts/:id/group-types': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/group-types`,
    body: { version: 999, types: [] },
  }),
  'POST /api/admin/districts/:id/schools': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/schools`,
    body: { name: '矩阵小学', stage: '小学' },
  }),
  'PUT /api/admin/schools/:id': (place) => ({
    path: `/api/admin/schools/${SCHOOL[place]}`,
    body: { name: '矩阵小学', stage: '小学', version: 999 },
  }),
  'PUT /api/admin/schools/:id/campuses': (place) => ({
    path: `/api/admin/schools/${SCHOOL[place]}/campuses`,
    body: { version: 999, campuses: [] },
  }),
  'POST /api/admin/schools/:id/archive': (place) => ({ path: `/api/admin/schools/${SCHOOL[place]}/archive`, body: { version: 999 } }),
  'DELETE /api/admin/schools/:id': (place) => ({ path: `/api/admin/schools/${SCHOOL[place]}?version=999` }),
  'POST /api/admin/schools/:id/moves': (place) => ({
    path: `/api/admin/schools/${SCHOOL[place]}/moves`,
    body: { version: 999, fromTerm: '2030-1', fromGroupId: null, toGroupId: GROUP[place] },
  }),
  'POST /api/admin/districts/:id/groups': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/groups`,
    body: {
      name: '矩阵集团',
      type: '联盟型',
      leadSchoolId: null,
      fromTerm: '2030-1',
      members: [{ schoolId: SCHOOL[place], role: 'member' }],
    },
  }),
  'PUT /api/admin/groups/:id': (place) => ({
    path: `/api/admin/groups/${GROUP[place]}`,
    body: { name: '矩阵集团', type: '联盟型', leadSchoolId: null, partners: [], version: 999 },
  }),
  'POST /api/admin/groups/:id/archive': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/archive`, body: { version: 999 } }),
  'DELETE /api/admin/groups/:id': (place) => ({ path: `/api/admin/groups/${GROUP[place]}?version=999` }),
  'GET /api/catalog/template': () => ({ path: '/api/catalog/template?format=csv' }),
  // A preview (apply: false): the matrix must not change the catalogue the other samples use.
  'POST /api/admin/districts/:id/catalog/import': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/catalog/import`,
    body: catalogImportBody(catalogCsv([newSchoolRow('矩阵小学')])),
  }),
  'GET /api/admin/districts/:id/catalog/export': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/catalog/export?format=csv`,
  }),
  // The school is the target: SCHOOL[place] lies in the audience of surveyIds[place].
  'GET /api/admin/surveys/:id/schools/:schoolId/invite': (place) => ({
    path: `/api/admin/surveys/${surveyIds[place]}/schools/${SCHOOL[place]}/invite`,
  }),
  'GET /api/admin/surveys/:id/schools/:schoolId/qrcode': (place) => ({
    path: `/api/admin/surveys/${surveyIds[place]}/schools/${SCHOOL[place]}/qrcode`,
  }),
  'GET /api/scenes/:code': () => ({ path: '/api/scenes/zzzzzzzzzzzzzzzzzzzz' }),
  // 泉城广场, Jinan (GCJ-02): public, so every caller gets the list.
  'GET /api/schools/nearby': () => ({ path: '/api/schools/nearby?lat=36.6612&lng=117.0213' }),
  // Reminders and objection receipts (issue 15).
  'POST /api/surveys/:id/reminder-consents': (place) => ({ path: `/api/surveys/${surveyIds[place]}/reminder-consents` }),
  'POST /api/admin/surveys/:id/reminders': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/reminders` }),
  'GET /api/rotation/objection-receipts/:receipt': (place) => ({
    path: `/api/rotation/objection-receipts/${batchIds[place]}.${OBJECTION}.${'A'.repeat(32)}`,
  }),
  // Survey builder drafts (issue 16): a draft id names its owner, so an unknown draft of a place
  // is refused (403) or not found (404, an allowed caller) by where it names.
  'GET /api/admin/districts/:id/survey-drafts': (place) => ({ path: `/api/admin/districts/${AUDIENCE[place].districtId}/survey-drafts` }),
  'POST /api/admin/districts/:id/survey-drafts': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/survey-drafts`,
    body: { title: '矩阵草稿' },
  }),
  'GET /api/admin/groups/:id/survey-drafts': (place) => ({ path: `/api/admin/groups/${GROUP[place]}/survey-drafts` }),
  'POST /api/admin/groups/:id/survey-drafts': (place) => ({
    path: `/api/admin/groups/${GROUP[place]}/survey-drafts`,
    body: { title: '矩阵草稿' },
  }),
  'GET /api/admin/survey-drafts/:id': (place) => ({ path: `/api/admin/survey-drafts/g.${GROUP[place]}.matrix000000` }),
  'PUT /api/admin/survey-drafts/:id': (place) => ({
    path: `/api/admin/survey-drafts/g.${GROUP[place]}.matrix000000`,
    body: { title: '矩阵草稿', version: 1 },
  }),
  'DELETE /api/admin/survey-drafts/:id': (place) => ({ path: `/api/admin/survey-drafts/g.${GROUP[place]}.matrix000000` }),
  'POST /api/admin/survey-drafts/:id/publish': (place) => ({ path: `/api/admin/survey-drafts/g.${GROUP[place]}.matrix000000/publish` }),
  'POST /api/admin/surveys/:id/copy-to-draft': (place) => ({ path: `/api/admin/surveys/${surveyIds[place]}/copy-to-draft` }),
  // Text moderation (issue 16).
  'POST /api/admin/surveys/:id/texts/reject': (place) => ({
    path: `/api/admin/surveys/${surveyIds[place]}/texts/reject`,
    body: { ref: '0.00000000-0000-4000-8000-000000000000.0' },
  }),
  // Evaluation at district scale (issue 16): an import preview (apply: false) changes nothing.
  'GET /api/admin/rounds/:id/scores/template': (place) => ({ path: `/api/admin/rounds/${roundIds[place]}/scores/template` }),
  'POST /api/admin/rounds/:id/scores/import': (place) => ({
    path: `/api/admin/rounds/${roundIds[place]}/scores/import`,
    body: {
      format: 'csv',
      file: Buffer.from('学校,指标,分数,佐证材料,录入人\r\n济南市经八路小学,学校发展·学校发展综合评价,80,督导报告,张老师\r\n').toString(
        'base64',
      ),
      apply: false,
    },
  }),
  'GET /api/admin/districts/:id/indicator-systems': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/indicator-systems`,
  }),
  'POST /api/admin/districts/:id/indicator-systems': (place) => ({
    path: `/api/admin/districts/${AUDIENCE[place].districtId}/indicator-systems`,
    body: { name: '矩阵指标体系', system: EVALUATION_TEMPLATES[0], replace: true },
  }),
};

const DEMO_LOGINS: Record<Role, unknown> = {
  parent: { role: 'parent' },
  teacher: { role: 'teacher', schoolId: 'jn-jingbalu-ps' },
  group_admin: { role: 'group_admin', groupIds: ['jn-jingwu'] },
  district_admin: { role: 'district_admin', districtId: 'jinan-shizhong' },
};

/** What the declaration says the answer must be: 'allow' means neither 401 nor 403. */
function expected(spec: Route, caller: Caller, place: Place): 401 | 403 | 'allow' {
  const { access } = spec;
  if (access.kind === 'public') return 'allow';
  if (caller === 'anonymous') return 401;
  if (access.kind === 'user') return 'allow';
  if (caller === 'parent' || !access.roles.includes(caller)) return 403;
  if (caller === 'district_admin') return place === 'elsewhere' ? 403 : 'allow';
  if (caller === 'group_admin') return place === 'own-group' ? 'allow' : 403;
  return 403;
}

describe('authorization matrix', () => {
  let table: TestTable;
  let app: ReturnType<typeof createCore>['app'];
  let routes: Route[];
  const results: Array<{ route: string; caller: Caller; place: Place; status: number; expected: string }> = [];

  beforeAll(async () => {
    table = await createSeededTable('matrix');
    // Limits out of the way: this test counts permissions, not requests (rate-limit.test.ts does).
    const config = testConfig(table.tableName, 'local', {
      AUTH_DEV_LOGIN: '1',
      RATE_WRITES_CAPACITY: '100000',
      RATE_INVITES_CAPACITY: '100000',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
      WECHAT_TIMEOUT_MS: '200',
    });
    const core = createCore(config, { logger: createLogger(undefined, 'silent') });
    app = core.app;
    routes = allRoutes(config);
    const staff = new StaffService(core.infra);
    const surveys = new SurveyService(core.infra);
    const rotation = core.services.rotationBatches;
    for (const place of PLACES) {
      batchIds[place] = (await rotation.importBatch(importBody(PLACE_META[place], PLACE_ROWS[place]()), { userKey: 'matrix' })).id;
      teacherIds[place] = (await staff.createTeacher({ name: '李老师', schoolId: SCHOOL[place] })).id;
      const target = { role: 'teacher' as const, teacherId: (await staff.createTeacher({ name: '赵老师', schoolId: SCHOOL[place] })).id };
      inviteIds[place] = (await staff.createInvite({ target, validHours: 24 }, 'matrix')).id;
      surveyIds[place] = (await surveys.create(templateSurvey(AUDIENCE[place]), 'matrix')).id;
      const districtAdmin = new TestClient(app);
      await districtAdmin.devLogin({ role: 'district_admin', districtId: AUDIENCE[place].districtId });
      const round = await districtAdmin.call('POST', '/api/admin/rounds', {
        districtId: AUDIENCE[place].districtId,
        name: `${place} 轮次`,
        templateId: 'jinan-shizhong',
        surveyIds: [surveyIds[place]],
      });
      roundIds[place] = round.body.id;
      const news = await districtAdmin.call('POST', `/api/admin/groups/${GROUP[place]}/news`, {
        title: `${place} 动态`,
        authorName: '集团办公室',
      });
      newsIds[place] = news.body.id;
      expect((await districtAdmin.call('POST', `/api/admin/news/${newsIds[place]}/publish`, {})).status).toBe(200);
      const locked = await districtAdmin.call('POST', '/api/admin/rounds', {
        districtId: AUDIENCE[place].districtId,
        name: `${place} 已锁定`,
        templateId: 'jinan-shizhong',
        surveyIds: [surveyIds[place]],
      });
      lockedRoundIds[place] = locked.body.id;
      expect((await districtAdmin.call('POST', `/api/admin/rounds/${locked.body.id}/lock`, { confirmIncomplete: true })).status).toBe(200);
    }
  });
  afterAll(() => table.drop());

  async function tokenFor(caller: Caller): Promise<string | null> {
    if (caller === 'anonymous') return null;
    const res = await app.request('/api/auth/dev', { method: 'POST', body: JSON.stringify(DEMO_LOGINS[caller]) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  }

  it('declares every registered route, and has a sample for each', () => {
    const registered = app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api/health'))
      .map((r) => `${r.method} ${r.path}`);
    const declared = routes.map((r) => `${r.method} ${r.path}`);
    expect([...new Set(registered)].sort()).toEqual([...declared].sort());
    expect(declared.filter((key) => !SAMPLES[key])).toEqual([]);
  });

  it('answers each route, caller and place as the declarations say', async () => {
    // Act: each cell logs in afresh, so DELETE /api/me or logout in one cell cannot spoil the next.
    for (const spec of routes) {
      const key = `${spec.method} ${spec.path}`;
      for (const caller of CALLERS) {
        for (const place of PLACES) {
          const { path, body, before } = SAMPLES[key](place);
          const token = await tokenFor(caller);
          const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' };
          if (before && token) await app.request(before.path, { method: 'POST', headers, body: JSON.stringify(before.body) });
          const res = await app.request(path, {
            method: spec.method,
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          results.push({ route: key, caller, place, status: res.status, expected: String(expected(spec, caller, place)) });
        }
      }
    }

    // Assess
    const wrong = results.filter((r) =>
      r.expected === 'allow'
        ? r.status === 401 || r.status === 403 || (r.status >= 500 && r.status !== 503)
        : String(r.status) !== r.expected,
    );
    expect(wrong).toEqual([]);
    expect(results).toHaveLength(routes.length * CALLERS.length * PLACES.length);
    // Every kind of answer occurs, so the matrix is not trivially all-allow or all-deny.
    expect(new Set(results.map((r) => r.expected))).toEqual(new Set(['allow', '401', '403']));
    console.log(
      `authorization matrix: ${routes.length} routes × ${CALLERS.length} callers × ${PLACES.length} places = ${results.length} requests`,
    );
    // Hundreds of sequential requests (each with its own login): minutes on a busy 2-core CI box.
  }, 180_000);

  it("keeps group-admin invites for the district admin, even inside the group admin's own group", async () => {
    // Prepare
    const groupAdmin = await tokenFor('group_admin');
    const districtAdmin = await tokenFor('district_admin');
    const body = JSON.stringify({ target: { role: 'group_admin', groupId: 'jn-jingwu' } });
    // Act
    const byGroupAdmin = await app.request('/api/admin/invites', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${groupAdmin}` },
    });
    const byDistrictAdmin = await app.request('/api/admin/invites', {
      method: 'POST',
      body,
      headers: { authorization: `Bearer ${districtAdmin}` },
    });
    // Assess
    expect(byGroupAdmin.status).toBe(403);
    expect(byDistrictAdmin.status).toBe(201);
  });
});
