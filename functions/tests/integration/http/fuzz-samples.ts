import { EVALUATION_TEMPLATES, type Role } from '../../../../shared';
import { TestClient } from '../../../../tests/support/api-client';
import { importBody, PLACE_META, PLACE_ROWS, rotationCsv } from '../../../../tests/support/rotation';
import { catalogCsv, catalogImportBody, newSchoolRow } from '../../../../tests/support/catalog-import';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import type { createCore } from '../../../src/core';
import { StaffService } from '../../../src/features/identity/staff-service';
import { SurveyService } from '../../../src/features/surveys/survey-service';

/**
 * For the never-5xx property over bodies: one valid request per route, aimed at entities the
 * demo admins manage (经五 / 市中区), so that an authorised caller gets past the access check and
 * a mutated body reaches the handler. A route without a sample fails the property's suite.
 */
export type Caller = 'anonymous' | Role;
export interface Sample {
  path: string;
  body?: unknown;
  /** POSTed first by the same caller: what a real caller does before this request can reach the handler. */
  before?: { path: string; body: unknown };
}

const DISTRICT = 'jinan-shizhong';
const GROUP = 'jn-jingwu';
const SCHOOL = 'jn-jingbalu-ps';
const AUDIENCE = { districtId: DISTRICT, groupIds: [GROUP] };
/** A group draft as the builder first saves it. */
const GROUP_DRAFT = { title: '模糊草稿', questions: [{ id: 'q1', type: 'text', title: '建议' }] };
const JINAN_SYSTEM = JSON.parse(JSON.stringify(EVALUATION_TEMPLATES.find((t) => t.id === DISTRICT)));

export interface Fixtures {
  survey: string;
  /** Closed by its sample: kept apart so the other survey routes still see an open survey. */
  closable: string;
  round: string;
  lockable: string;
  locked: string;
  news: string;
  image: string;
  batch: string;
  objection: string;
  teacher: string;
  invite: string;
  /** 经五's survey drafts: one to edit, one to delete, one to publish, so no sample removes another's. */
  drafts: { edited: string; deleted: string; published: string };
}

/** The entities the samples name, made through the services and the API as an admin would. */
export async function createFixtures(
  core: ReturnType<typeof createCore>,
  login: (caller: Caller) => Promise<TestClient>,
): Promise<Fixtures> {
  const surveys = new SurveyService(core.infra);
  const staff = new StaffService(core.infra);
  const admin = await login('district_admin');
  const created = async (answer: Promise<{ status: number; body: any }>) => {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`fixture not created: ${status} ${JSON.stringify(body)}`);
    return body;
  };
  const survey = (await surveys.create(templateSurvey(AUDIENCE), 'fuzz')).id;
  const closable = (await surveys.create(templateSurvey(AUDIENCE), 'fuzz')).id;
  const newRound = async () =>
    (
      await created(
        admin.call('POST', '/api/admin/rounds', { districtId: DISTRICT, name: '模糊测试', templateId: DISTRICT, surveyIds: [survey] }),
      )
    ).id as string;
  const [round, lockable, locked] = [await newRound(), await newRound(), await newRound()];
  await created(admin.call('POST', `/api/admin/rounds/${locked}/lock`, { confirmIncomplete: true }));
  const news = (await created(admin.call('POST', `/api/admin/groups/${GROUP}/news`, { title: '模糊动态', authorName: '集团办公室' }))).id;
  const upload = await created(admin.call('POST', '/api/admin/news-images', { groupId: GROUP, contentType: 'image/png', size: 100 }));
  // A published batch takes objections during its notice period (公示期): let it start today, China time.
  const meta = { ...PLACE_META['own-group'], noticeStart: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) };
  const batch = (
    await core.services.rotationBatches.importBatch(
      { meta, format: 'csv', file: rotationCsv(PLACE_ROWS['own-group']()).toString('base64') },
      { userKey: 'fuzz' },
    )
  ).id;
  await created(admin.call('POST', `/api/admin/rotation/batches/${batch}/publish`));
  const parent = await login('parent');
  const objection = (await created(parent.call('POST', `/api/rotation/batches/${batch}/objections`, { text: '模糊异议' }))).id;
  const teacher = (await staff.createTeacher({ name: '李老师', schoolId: SCHOOL })).id;
  const invitee = (await staff.createTeacher({ name: '赵老师', schoolId: SCHOOL })).id;
  const invite = (await staff.createInvite({ target: { role: 'teacher', teacherId: invitee }, validHours: 24 }, 'fuzz')).id;
  const draft = async () => (await created(admin.call('POST', `/api/admin/groups/${GROUP}/survey-drafts`, GROUP_DRAFT))).id as string;
  const drafts = { edited: await draft(), deleted: await draft(), published: await draft() };
  return { survey, closable, round, lockable, locked, news, image: upload.uploadUrl, batch, objection, teacher, invite, drafts };
}

export const SAMPLES: Record<string, (f: Fixtures) => Sample> = {
  'GET /api/districts': () => ({ path: '/api/districts' }),
  'GET /api/districts/:id/groups': () => ({ path: `/api/districts/${DISTRICT}/groups` }),
  'GET /api/groups/:id': () => ({ path: `/api/groups/${GROUP}` }),
  'GET /api/schools': () => ({ path: '/api/schools' }),
  'GET /api/schools/:id': () => ({ path: `/api/schools/${SCHOOL}` }),
  'POST /api/auth/wechat': () => ({ path: '/api/auth/wechat', body: { code: 'fuzz-code' } }),
  'POST /api/auth/logout': () => ({ path: '/api/auth/logout', body: {} }),
  'POST /api/auth/dev': () => ({ path: '/api/auth/dev', body: { role: 'parent' } }),
  'GET /api/me': () => ({ path: '/api/me' }),
  'DELETE /api/me': () => ({ path: '/api/me', body: {} }),
  'POST /api/me/schools': () => ({ path: '/api/me/schools', body: { schoolId: SCHOOL } }),
  'DELETE /api/me/schools/:schoolId': () => ({ path: `/api/me/schools/${SCHOOL}`, body: {} }),
  'POST /api/me/invite': () => ({ path: '/api/me/invite', body: { code: 'ABCDE23456' } }),
  'POST /api/admin/teachers': () => ({ path: '/api/admin/teachers', body: { name: '王老师', schoolId: SCHOOL } }),
  'GET /api/admin/schools/:id/teachers': () => ({ path: `/api/admin/schools/${SCHOOL}/teachers` }),
  'POST /api/admin/invites': (f) => ({ path: '/api/admin/invites', body: { target: { role: 'teacher', teacherId: f.teacher } } }),
  'DELETE /api/admin/invites/:id': (f) => ({ path: `/api/admin/invites/${f.invite}`, body: {} }),
  'GET /api/me/surveys': () => ({ path: '/api/me/surveys' }),
  'GET /api/admin/districts/:id/surveys': () => ({ path: `/api/admin/districts/${DISTRICT}/surveys` }),
  'GET /api/admin/districts/:id/survey-settings': () => ({ path: `/api/admin/districts/${DISTRICT}/survey-settings` }),
  'PUT /api/admin/districts/:id/survey-settings': () => ({
    path: `/api/admin/districts/${DISTRICT}/survey-settings`,
    body: { recognition: 'strict-top-two' },
  }),
  'GET /api/admin/groups/:id/surveys': () => ({ path: `/api/admin/groups/${GROUP}/surveys` }),
  'POST /api/admin/surveys': () => ({ path: '/api/admin/surveys', body: { definition: templateSurvey(AUDIENCE), minN: 5 } }),
  'GET /api/surveys/:id': (f) => ({ path: `/api/surveys/${f.survey}` }),
  'POST /api/surveys/:id/responses': (f) => ({
    path: `/api/surveys/${f.survey}/responses`,
    body: { schoolId: SCHOOL, answers: { ...satisfactionAnswers(), q6: { nps: 9 }, q7: { text: '老师很好' } } },
    // A respondent answers only for a school they are bound to (else 403 SCHOOL_NOT_BOUND before the body is read).
    before: { path: '/api/me/schools', body: { schoolId: SCHOOL } },
  }),
  'GET /api/surveys/:id/answered': (f) => ({ path: `/api/surveys/${f.survey}/answered` }),
  'GET /api/admin/surveys/:id/results': (f) => ({ path: `/api/admin/surveys/${f.survey}/results` }),
  'GET /api/admin/surveys/:id/export': (f) => ({ path: `/api/admin/surveys/${f.survey}/export` }),
  'GET /api/admin/surveys/:id/texts': (f) => ({ path: `/api/admin/surveys/${f.survey}/texts` }),
  'POST /api/admin/surveys/:id/texts/approve': (f) => ({
    path: `/api/admin/surveys/${f.survey}/texts/approve`,
    body: { ref: '0.00000000-0000-4000-8000-000000000000.0' },
  }),
  'POST /api/admin/surveys/:id/close': (f) => ({ path: `/api/admin/surveys/${f.closable}/close`, body: {} }),
  'PUT /api/admin/schools/:id/enrollment': () => ({ path: `/api/admin/schools/${SCHOOL}/enrollment`, body: { families: 100 } }),
  'GET /api/admin/districts/:id/enrollments': () => ({ path: `/api/admin/districts/${DISTRICT}/enrollments` }),
  'GET /api/admin/groups/:id/enrollments': () => ({ path: `/api/admin/groups/${GROUP}/enrollments` }),
  'GET /api/admin/districts/:id/rounds': () => ({ path: `/api/admin/districts/${DISTRICT}/rounds` }),
  // A custom system (the 济南 template's, as an admin would start from it): mutations then reach the code that reads it.
  'POST /api/admin/rounds': (f) => ({
    path: '/api/admin/rounds',
    body: { districtId: DISTRICT, name: '模糊轮次', system: JINAN_SYSTEM, surveyIds: [f.survey], previousRoundId: f.round },
  }),
  'GET /api/admin/rounds/:id/report': (f) => ({ path: `/api/admin/rounds/${f.round}/report` }),
  'PUT /api/admin/rounds/:id/scores': (f) => ({
    path: `/api/admin/rounds/${f.round}/scores`,
    body: { schoolId: SCHOOL, dimensionId: 'school', indicatorId: 'overall', score: 80, evidence: '督导报告', enteredBy: '张老师' },
  }),
  'POST /api/admin/rounds/:id/lock': (f) => ({ path: `/api/admin/rounds/${f.lockable}/lock`, body: { confirmIncomplete: true } }),
  'PUT /api/admin/rounds/:id/publication': (f) => ({
    path: `/api/admin/rounds/${f.locked}/publication`,
    body: { published: true, show: { total: true, dimensions: true, schools: false, ranking: false } },
  }),
  'GET /api/groups/:id/news': () => ({ path: `/api/groups/${GROUP}/news` }),
  'GET /api/me/news': () => ({ path: '/api/me/news' }),
  'GET /api/news/:id': (f) => ({ path: `/api/news/${f.news}` }),
  'POST /api/news/subscriptions': () => ({ path: '/api/news/subscriptions', body: { groupId: GROUP } }),
  'GET /api/admin/groups/:id/news': () => ({ path: `/api/admin/groups/${GROUP}/news` }),
  'POST /api/admin/groups/:id/news': () => ({
    path: `/api/admin/groups/${GROUP}/news`,
    body: { title: '模糊动态', authorName: '集团办公室', summary: '摘要', body: '## 标题\n\n正文', pinned: false },
  }),
  'GET /api/admin/news/:id': (f) => ({ path: `/api/admin/news/${f.news}` }),
  'PUT /api/admin/news/:id': (f) => ({
    path: `/api/admin/news/${f.news}`,
    body: { title: '模糊动态（改）', authorName: '集团办公室', version: 1 },
  }),
  'POST /api/admin/news/:id/publish': (f) => ({ path: `/api/admin/news/${f.news}/publish`, body: {} }),
  'POST /api/admin/news/:id/unpublish': (f) => ({ path: `/api/admin/news/${f.news}/unpublish`, body: {} }),
  'POST /api/admin/news-images': () => ({ path: '/api/admin/news-images', body: { groupId: GROUP, contentType: 'image/png', size: 100 } }),
  'PUT /api/news-images/:imageId': (f) => ({ path: f.image, body: { not: 'an image' } }),
  'GET /api/news-images/:imageId': (f) => ({ path: f.image }),
  'GET /api/admin/groups/:id/rounds': () => ({ path: `/api/admin/groups/${GROUP}/rounds` }),
  'GET /api/admin/rounds/:id/groups/:groupId': (f) => ({ path: `/api/admin/rounds/${f.locked}/groups/${GROUP}` }),
  'GET /api/admin/rounds/:id/export': (f) => ({ path: `/api/admin/rounds/${f.round}/export` }),
  'GET /api/groups/:id/evaluation': () => ({ path: `/api/groups/${GROUP}/evaluation` }),
  'GET /api/rotation/template': () => ({ path: '/api/rotation/template' }),
  'GET /api/rotation/batches': () => ({ path: `/api/rotation/batches?districtId=${DISTRICT}` }),
  'GET /api/rotation/batches/:id': (f) => ({ path: `/api/rotation/batches/${f.batch}` }),
  'GET /api/me/rotation': () => ({ path: '/api/me/rotation' }),
  'POST /api/rotation/batches/:id/objections': (f) => ({ path: `/api/rotation/batches/${f.batch}/objections`, body: { text: '模糊异议' } }),
  'POST /api/admin/rotation/batches/import': () => ({
    path: '/api/admin/rotation/batches/import',
    body: importBody(PLACE_META['own-group'], PLACE_ROWS['own-group'](2)),
  }),
  'GET /api/admin/districts/:id/rotation/batches': () => ({ path: `/api/admin/districts/${DISTRICT}/rotation/batches` }),
  'GET /api/admin/groups/:id/rotation/batches': () => ({ path: `/api/admin/groups/${GROUP}/rotation/batches` }),
  'GET /api/admin/rotation/batches/:id': (f) => ({ path: `/api/admin/rotation/batches/${f.batch}` }),
  'PUT /api/admin/rotation/batches/:id': (f) => ({
    path: `/api/admin/rotation/batches/${f.batch}`,
    body: { title: '模糊批次', noticeStart: '2026-11-23' },
  }),
  'POST /api/admin/rotation/batches/:id/publish': (f) => ({ path: `/api/admin/rotation/batches/${f.batch}/publish`, body: {} }),
  'POST /api/admin/rotation/batches/:id/withdraw': (f) => ({ path: `/api/admin/rotation/batches/${f.batch}/withdraw`, body: {} }),
  'GET /api/admin/rotation/batches/:id/objections': (f) => ({ path: `/api/admin/rotation/batches/${f.batch}/objections` }),
  'POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve': (f) => ({
    path: `/api/admin/rotation/batches/${f.batch}/objections/${f.objection}/resolve`,
    body: { resolution: '已核实' },
  }),
  'PUT /api/admin/schools/:id/eligible-teachers': () => ({
    path: `/api/admin/schools/${SCHOOL}/eligible-teachers`,
    body: { schoolYear: '2026-2027', eligible: 50 },
  }),
  'GET /api/admin/districts/:id/rotation/settings': () => ({ path: `/api/admin/districts/${DISTRICT}/rotation/settings` }),
  'PUT /api/admin/districts/:id/rotation/settings': () => ({
    path: `/api/admin/districts/${DISTRICT}/rotation/settings`,
    body: { rotatingPct: 10, backbonePct: 20 },
  }),
  'GET /api/admin/districts/:id/rotation/compliance': () => ({
    path: `/api/admin/districts/${DISTRICT}/rotation/compliance?schoolYear=2026-2027`,
  }),
  // Catalogue admin (issue 14). Every id field is filled (the reference-scope test puts foreign ids
  // there); edits name a stale version, so the valid sample itself changes nothing.
  'GET /api/admin/districts/:id/catalog': () => ({ path: `/api/admin/districts/${DISTRICT}/catalog` }),
  'GET /api/admin/groups/:id/catalog': () => ({ path: `/api/admin/groups/${GROUP}/catalog` }),
  'PUT /api/admin/districts/:id/group-types': () => ({
    path: `/api/admin/districts/${DISTRICT}/group-types`,
    body: { version: 999, types: ['模糊型'] },
  }),
  'POST /api/admin/districts/:id/schools': () => ({
    path: `/api/admin/districts/${DISTRICT}/schools`,
    body: {
      name: '模糊小学',
      stage: '小学',
      aliases: ['模糊'],
      address: '济南市市中区模糊路 1 号',
      location: { lat: 36.65, lng: 117.0 },
      phone: '0531-86012345',
      intro: '简介',
      students: 500,
    },
  }),
  'PUT /api/admin/schools/:id': () => ({
    path: `/api/admin/schools/${SCHOOL}`,
    body: { name: '模糊小学', stage: '小学', aliases: [], address: '模糊路 1 号', location: { lat: 36.65, lng: 117.0 }, version: 999 },
  }),
  'PUT /api/admin/schools/:id/campuses': () => ({
    path: `/api/admin/schools/${SCHOOL}/campuses`,
    body: { version: 999, campuses: [{ name: '东校区', address: '模糊路 2 号' }] },
  }),
  'POST /api/admin/schools/:id/archive': () => ({ path: `/api/admin/schools/${SCHOOL}/archive`, body: { version: 999 } }),
  'DELETE /api/admin/schools/:id': () => ({ path: `/api/admin/schools/${SCHOOL}?version=999` }),
  'POST /api/admin/schools/:id/moves': () => ({
    path: `/api/admin/schools/${SCHOOL}/moves`,
    body: { version: 999, fromTerm: '2030-1', fromGroupId: GROUP, toGroupId: 'jn-yuying', role: 'member' },
  }),
  'POST /api/admin/districts/:id/groups': () => ({
    path: `/api/admin/districts/${DISTRICT}/groups`,
    body: {
      name: '模糊集团',
      type: '联盟型',
      leadSchoolId: SCHOOL,
      partners: ['模糊单位'],
      fromTerm: '2030-1',
      members: [{ schoolId: SCHOOL, role: 'lead' }],
    },
  }),
  'PUT /api/admin/groups/:id': () => ({
    path: `/api/admin/groups/${GROUP}`,
    body: { name: '模糊集团', type: '1+X', leadSchoolId: 'jn-jingwulu-ps', partners: [], version: 999 },
  }),
  'POST /api/admin/groups/:id/archive': () => ({ path: `/api/admin/groups/${GROUP}/archive`, body: { version: 999 } }),
  'DELETE /api/admin/groups/:id': () => ({ path: `/api/admin/groups/${GROUP}?version=999` }),
  'GET /api/catalog/template': () => ({ path: '/api/catalog/template' }),
  'POST /api/admin/districts/:id/catalog/import': () => ({
    path: `/api/admin/districts/${DISTRICT}/catalog/import`,
    body: catalogImportBody(catalogCsv([newSchoolRow('模糊测试小学')])),
  }),
  'GET /api/admin/districts/:id/catalog/export': () => ({ path: `/api/admin/districts/${DISTRICT}/catalog/export` }),
  'GET /api/admin/surveys/:id/schools/:schoolId/invite': (f) => ({ path: `/api/admin/surveys/${f.survey}/schools/${SCHOOL}/invite` }),
  'GET /api/admin/surveys/:id/schools/:schoolId/qrcode': (f) => ({ path: `/api/admin/surveys/${f.survey}/schools/${SCHOOL}/qrcode` }),
  'GET /api/scenes/:code': () => ({ path: '/api/scenes/zzzzzzzzzzzzzzzzzzzz' }),
  'GET /api/schools/nearby': () => ({ path: '/api/schools/nearby?lat=36.6612&lng=117.0213' }),
  // Reminders and objection receipts (issue 15).
  'POST /api/surveys/:id/reminder-consents': (f) => ({ path: `/api/surveys/${f.survey}/reminder-consents` }),
  'POST /api/admin/surveys/:id/reminders': (f) => ({ path: `/api/admin/surveys/${f.survey}/reminders` }),
  'GET /api/rotation/objection-receipts/:receipt': (f) => ({
    path: `/api/rotation/objection-receipts/${f.batch}.${f.objection}.${'A'.repeat(32)}`,
  }),
  // Survey builder drafts (issue 16): the draft bodies reach the handler through the create routes.
  'GET /api/admin/districts/:id/survey-drafts': () => ({ path: `/api/admin/districts/${DISTRICT}/survey-drafts` }),
  'POST /api/admin/districts/:id/survey-drafts': () => ({
    path: `/api/admin/districts/${DISTRICT}/survey-drafts`,
    body: {
      title: '模糊草稿',
      audience: { groupIds: [GROUP], schoolIds: [], respondents: ['parent'] },
      questions: [{ id: 'q1', type: 'single', title: '模糊题', options: [{ id: 'a', label: '甲' }] }],
      questionsIssued: 1,
    },
  }),
  'GET /api/admin/groups/:id/survey-drafts': () => ({ path: `/api/admin/groups/${GROUP}/survey-drafts` }),
  'POST /api/admin/groups/:id/survey-drafts': () => ({ path: `/api/admin/groups/${GROUP}/survey-drafts`, body: GROUP_DRAFT }),
  // Existing drafts, so that a valid body gets past the load to the service's own checks.
  'GET /api/admin/survey-drafts/:id': (f) => ({ path: `/api/admin/survey-drafts/${f.drafts.edited}` }),
  'PUT /api/admin/survey-drafts/:id': (f) => ({ path: `/api/admin/survey-drafts/${f.drafts.edited}`, body: { title: '模糊', version: 1 } }),
  'DELETE /api/admin/survey-drafts/:id': (f) => ({ path: `/api/admin/survey-drafts/${f.drafts.deleted}` }),
  'POST /api/admin/survey-drafts/:id/publish': (f) => ({ path: `/api/admin/survey-drafts/${f.drafts.published}/publish` }),
  'POST /api/admin/surveys/:id/copy-to-draft': (f) => ({ path: `/api/admin/surveys/${f.survey}/copy-to-draft` }),
  // Text moderation (issue 16).
  'POST /api/admin/surveys/:id/texts/reject': (f) => ({
    path: `/api/admin/surveys/${f.survey}/texts/reject`,
    body: { ref: '0.00000000-0000-4000-8000-000000000000.0' },
  }),
  // Evaluation at district scale (issue 16): an import preview (apply: false) changes nothing.
  'GET /api/admin/rounds/:id/scores/template': (f) => ({ path: `/api/admin/rounds/${f.round}/scores/template` }),
  'POST /api/admin/rounds/:id/scores/import': (f) => ({
    path: `/api/admin/rounds/${f.round}/scores/import`,
    body: {
      format: 'csv',
      file: Buffer.from('学校,指标,分数,佐证材料,录入人\r\n济南市经八路小学,学校发展·学校发展综合评价,80,督导报告,张老师\r\n').toString(
        'base64',
      ),
      apply: false,
    },
  }),
  'GET /api/admin/districts/:id/indicator-systems': () => ({ path: `/api/admin/districts/${DISTRICT}/indicator-systems` }),
  'POST /api/admin/districts/:id/indicator-systems': () => ({
    path: `/api/admin/districts/${DISTRICT}/indicator-systems`,
    body: { name: '模糊指标体系', system: JINAN_SYSTEM, replace: true },
  }),
};
