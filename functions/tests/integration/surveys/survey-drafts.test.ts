import { createCore } from '../../../src/core';
import { createDocumentClient } from '../../../src/db/client';
import { SurveyDraftRepository } from '../../../src/features/surveys/drafts/draft-repository';
import type { SurveyDraftItem } from '../../../src/features/surveys/drafts/draft-items';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

const DISTRICT = 'jinan-shizhong';
const GROUP = 'jn-jingwu';
const HOUR = 3_600_000;

/** A draft item as the repository stores it, for the access-pattern tests. */
const draftItem = (id: string, owner: SurveyDraftItem['owner'], updatedAt: string, version = 1): SurveyDraftItem => ({
  kind: 'survey-draft',
  id,
  owner,
  districtId: DISTRICT,
  title: `草稿 ${id}`,
  description: '',
  opensAt: null,
  closesAt: null,
  audience: { groupIds: owner.type === 'group' ? [owner.id] : [], schoolIds: [], respondents: ['parent'] },
  questions: [{ id: 'q1', type: 'text', title: '建议' }],
  questionsIssued: 1,
  version,
  createdAt: updatedAt,
  updatedAt,
  updatedBy: 'ap-test',
  copiedFrom: null,
});

/** A custom 3-question survey as the builder sends it: likert, single choice and text. */
const builtContent = (overrides: Record<string, unknown> = {}) => ({
  title: '课后服务满意度',
  description: '请根据孩子本学期的情况填写。',
  opensAt: new Date(Date.now() - HOUR).toISOString(),
  closesAt: new Date(Date.now() + 14 * 24 * HOUR).toISOString(),
  audience: { groupIds: [GROUP], schoolIds: [], respondents: ['parent'] },
  questions: [
    {
      id: 'q1',
      type: 'likert',
      title: '您对课后服务是否满意？',
      required: true,
      dimension: '课后服务',
      labels: ['满意', '比较满意', '基本满意', '不满意'],
      allowUnknown: true,
      satisfiedTopBoxes: 3,
    },
    {
      id: 'q3',
      type: 'single',
      title: '孩子每周参加几次？',
      required: true,
      options: [
        { id: 'a', label: '1–2 次' },
        { id: 'b', label: '3 次及以上' },
      ],
    },
    { id: 'q4', type: 'text', title: '您的建议', required: false },
  ],
  questionsIssued: 4,
  ...overrides,
});

/** 草稿箱: drafts saved loosely, listed per district and group, checked fully and made surveys on publish. */
describe('survey drafts', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let repository: SurveyDraftRepository;
  let districtAdmin: TestClient;
  let groupAdmin: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('surveydrafts');
    const config = testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' });
    core = createCore(config);
    repository = new SurveyDraftRepository(
      createDocumentClient({ endpoint: config.dynamodbEndpoint, region: config.region }),
      config.tableName,
    );
    districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin('district_admin');
    groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin('group_admin');
  });
  afterAll(() => table.drop());

  it('AP110 saves a new draft once, then only over the version it was read at', async () => {
    // Prepare
    const first = draftItem('d.jinan-shizhong.ap110aaaaaaa', { type: 'district', id: DISTRICT }, '2026-12-01T00:00:00.000Z');
    // Act
    const created = await repository.save(first);
    const createdAgain = await repository.save(first);
    const second = await repository.save({ ...first, title: '第二版', version: 2 });
    const staleSecond = await repository.save({ ...first, title: '另一人的第二版', version: 2 });
    const stored = await repository.get(first.id);
    // Assess
    expect([created, createdAgain, second, staleSecond]).toEqual([true, false, true, false]);
    expect(stored).toMatchObject({ title: '第二版', version: 2 });
  });

  it("AP111 lists a district's drafts, its own and its groups', last saved first", async () => {
    // Prepare
    await repository.save(draftItem('d.jinan-shizhong.ap111aaaaaaa', { type: 'district', id: DISTRICT }, '2030-01-01T00:00:00.000Z'));
    await repository.save(draftItem('g.jn-yuying.ap111bbbbbbb', { type: 'group', id: 'jn-yuying' }, '2030-01-02T00:00:00.000Z'));
    // Act
    const listed = await repository.listOfDistrict(DISTRICT);
    // Assess
    expect(listed.slice(0, 2).map((d) => d.id)).toEqual(['g.jn-yuying.ap111bbbbbbb', 'd.jinan-shizhong.ap111aaaaaaa']);
  });

  it("AP112 lists only a group's own drafts", async () => {
    // Prepare
    await repository.save(draftItem('g.jn-lixia.ap112aaaaaaa', { type: 'group', id: 'jn-lixia' }, '2030-02-01T00:00:00.000Z'));
    await repository.save(draftItem('d.jinan-shizhong.ap112bbbbbbb', { type: 'district', id: DISTRICT }, '2030-02-02T00:00:00.000Z'));
    // Act
    const listed = await repository.listOfGroup('jn-lixia');
    // Assess
    expect(listed.map((d) => d.id)).toEqual(['g.jn-lixia.ap112aaaaaaa']);
  });

  it('AP113 reads one draft as saved, and nothing for an unknown id', async () => {
    // Prepare
    const draft = draftItem('g.jn-jingwu.ap113aaaaaaa', { type: 'group', id: GROUP }, '2026-12-02T00:00:00.000Z');
    await repository.save(draft);
    // Act
    const found = await repository.get(draft.id);
    const missing = await repository.get('g.jn-jingwu.ap113zzzzzzz');
    // Assess
    expect(found).toEqual(draft);
    expect(missing).toBeNull();
  });

  it('AP114 deletes a draft once: a second delete finds it gone', async () => {
    // Prepare
    const draft = draftItem('d.jinan-shizhong.ap114aaaaaaa', { type: 'district', id: DISTRICT }, '2026-12-02T00:00:00.000Z');
    await repository.save(draft);
    // Act
    const first = await repository.remove(draft.id);
    const second = await repository.remove(draft.id);
    // Assess
    expect([first, second, await repository.get(draft.id)]).toEqual([true, false, null]);
  });

  it('keeps an incomplete draft, then refuses to publish it with each problem at its field', async () => {
    // Prepare: no title, a likert without its title, a single choice with one option.
    const saved = await groupAdmin.call('POST', `/api/admin/groups/${GROUP}/survey-drafts`, {
      title: '',
      questions: [
        {
          id: 'q1',
          type: 'likert',
          title: '',
          labels: ['满意', '比较满意', '基本满意', '不满意'],
          satisfiedTopBoxes: 3,
          dimension: '教育质量',
        },
        { id: 'q2', type: 'single', title: '孩子年级', options: [{ id: 'a', label: '一年级' }] },
      ],
      questionsIssued: 2,
    });
    // Act
    const published = await groupAdmin.call('POST', `/api/admin/survey-drafts/${saved.body.id}/publish`);
    // Assess
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ owner: { type: 'group', id: GROUP }, districtId: DISTRICT, version: 1 });
    expect(published.status).toBe(400);
    expect(published.body.error.code).toBe('DRAFT_INCOMPLETE');
    const paths = Object.fromEntries(published.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(paths).toMatchObject({
      title: '请填写问卷标题',
      opensAt: '请选择开始时间',
      'questions.0.title': '请填写题目',
      'questions.1.options': '至少需要 2 个选项',
    });
  });

  it('publishes a built draft as a survey parents can open, and the draft is gone', async () => {
    // Prepare
    const saved = await groupAdmin.call('POST', `/api/admin/groups/${GROUP}/survey-drafts`, builtContent({ title: '' }));
    const edited = await groupAdmin.call('PUT', `/api/admin/survey-drafts/${saved.body.id}`, { ...builtContent(), version: 1 });
    // Act
    const published = await groupAdmin.call('POST', `/api/admin/survey-drafts/${saved.body.id}/publish`);
    const survey = await groupAdmin.call('GET', `/api/surveys/${published.body.surveyId}`);
    const draftAfter = await groupAdmin.call('GET', `/api/admin/survey-drafts/${saved.body.id}`);
    // Assess
    expect(edited).toMatchObject({ status: 200, body: { version: 2, title: '课后服务满意度' } });
    expect(published.status).toBe(201);
    expect(survey.body.definition.questions.map((q: { id: string; type: string }) => `${q.id}:${q.type}`)).toEqual([
      'q1:likert',
      'q3:single',
      'q4:text',
    ]);
    expect(survey.body.definition.audience).toMatchObject({ districtId: DISTRICT, groupIds: [GROUP] });
    expect(survey.body.status).toBe('open');
    expect(draftAfter.status).toBe(404);
  });

  it('refuses a stale save with 409, so a second admin does not overwrite the first', async () => {
    // Prepare
    const saved = await districtAdmin.call('POST', `/api/admin/districts/${DISTRICT}/survey-drafts`, builtContent());
    await districtAdmin.call('PUT', `/api/admin/survey-drafts/${saved.body.id}`, { ...builtContent({ title: '第一人' }), version: 1 });
    // Act
    const stale = await districtAdmin.call('PUT', `/api/admin/survey-drafts/${saved.body.id}`, {
      ...builtContent({ title: '第二人' }),
      version: 1,
    });
    // Assess
    expect(stale.status).toBe(409);
    expect((await districtAdmin.call('GET', `/api/admin/survey-drafts/${saved.body.id}`)).body.title).toBe('第一人');
  });

  it('refuses to publish a survey whose response cannot fit one transaction, saying why at questions', async () => {
    // Prepare: 5 multiple choices of 20 options, up to 20 each = 100 counters (over 96).
    const options = Array.from({ length: 20 }, (_, i) => ({ id: `o${i + 1}`, label: `选项${i + 1}` }));
    const questions = Array.from({ length: 5 }, (_, i) => ({
      id: `q${i + 1}`,
      type: 'multiple',
      title: `多选 ${i + 1}`,
      options,
      min: 0,
      max: 20,
    }));
    const saved = await districtAdmin.call(
      'POST',
      `/api/admin/districts/${DISTRICT}/survey-drafts`,
      builtContent({ questions, questionsIssued: 5 }),
    );
    // Act
    const published = await districtAdmin.call('POST', `/api/admin/survey-drafts/${saved.body.id}/publish`);
    // Assess
    expect(published.status).toBe(400);
    expect(published.body.error.details).toContainEqual({
      path: 'questions',
      message: '题目过多：一份答卷最多计入 96 个统计项（多选题按最多可选数计），本问卷 100 个',
    });
  });

  it("refuses a group admin's draft naming a school outside their scope, at its field", async () => {
    // Act
    const saved = await groupAdmin.call(
      'POST',
      `/api/admin/groups/${GROUP}/survey-drafts`,
      builtContent({ audience: { groupIds: [], schoolIds: ['jn-yuying-ms'], respondents: ['parent'] } }),
    );
    // Assess
    expect(saved.status).toBe(403);
    expect(JSON.stringify(saved.body.error)).toContain('audience.schoolIds.0');
  });

  it('copies a past survey into a new draft of its manager, with its questions and without dates', async () => {
    // Prepare
    const created = await districtAdmin.call('POST', '/api/admin/surveys', {
      definition: { ...templateSurvey({ districtId: DISTRICT, groupIds: [GROUP] }), title: '家长满意度调查' },
    });
    // Act
    const copy = await groupAdmin.call('POST', `/api/admin/surveys/${created.body.id}/copy-to-draft`);
    const groupDrafts = await groupAdmin.call('GET', `/api/admin/groups/${GROUP}/survey-drafts`);
    // Assess
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({
      title: '家长满意度调查（副本）',
      owner: { type: 'group', id: GROUP },
      opensAt: null,
      closesAt: null,
      copiedFrom: created.body.id,
      questionsIssued: 7,
    });
    expect(copy.body.questions).toEqual(templateSurvey({ districtId: DISTRICT, groupIds: [GROUP] }).questions);
    expect(groupDrafts.body.items.map((d: { id: string }) => d.id)).toContain(copy.body.id);
  });

  it("delivers a published teacher draft to the teachers' 我的问卷, not to parents", async () => {
    // Prepare
    const saved = await groupAdmin.call(
      'POST',
      `/api/admin/groups/${GROUP}/survey-drafts`,
      builtContent({ title: '教师教研满意度', audience: { groupIds: [GROUP], schoolIds: [], respondents: ['teacher'] } }),
    );
    const published = await groupAdmin.call('POST', `/api/admin/survey-drafts/${saved.body.id}/publish`);
    const teacher = new TestClient(core.app);
    await teacher.devLogin({ role: 'teacher', schoolId: 'jn-jingbalu-ps' });
    const parent = new TestClient(core.app);
    await parent.devLogin({ role: 'parent', schoolId: 'drafts-parent' });
    await parent.call('POST', '/api/me/schools', { schoolId: 'jn-jingbalu-ps' });
    // Act
    const teacherList = await teacher.call('GET', '/api/me/surveys');
    const parentList = await parent.call('GET', '/api/me/surveys');
    // Assess
    expect(teacherList.body.items.map((s: { id: string }) => s.id)).toContain(published.body.surveyId);
    expect(parentList.body.items.map((s: { id: string }) => s.id)).not.toContain(published.body.surveyId);
  });

  it('refuses to publish a draft whose closing day has passed, at closesAt', async () => {
    // Prepare: a draft kept since last month.
    const saved = await districtAdmin.call(
      'POST',
      `/api/admin/districts/${DISTRICT}/survey-drafts`,
      builtContent({
        opensAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString(),
        closesAt: new Date(Date.now() - 2 * 24 * HOUR).toISOString(),
      }),
    );
    // Act
    const published = await districtAdmin.call('POST', `/api/admin/survey-drafts/${saved.body.id}/publish`);
    // Assess
    expect(published.status).toBe(400);
    expect(published.body.error.details).toEqual([{ path: 'closesAt', message: '截止时间已过，请重新选择截止日期' }]);
  });
});
