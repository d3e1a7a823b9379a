import { createCore } from '../../../src/core';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';
import { boundParent } from './bound-parent';

/** Results are read from an audited snapshot: one answer never moves them, and a leaking plan is refused. */
describe('published snapshot', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let surveys: SurveyService;
  let admin: TestClient;
  let next = 0;

  beforeAll(async () => {
    table = await createSeededTable('publication');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1' }));
    surveys = new SurveyService(core.infra);
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  const newSurvey = async () =>
    (
      await admin.call('POST', '/api/admin/surveys', {
        definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
        minN: 5,
      })
    ).body.id as string;
  const answer = async (surveyId: string, schoolId: string, count: number, value = 4) => {
    for (let i = 0; i < count; i++)
      await surveys.submit(await boundParent(core, `p-${next++}`, schoolId), surveyId, { schoolId, answers: satisfactionAnswers(value) });
  };
  const results = (surveyId: string) => admin.call('GET', `/api/admin/surveys/${surveyId}/results`);

  it('reads the same numbers before and after one parent answers, until minN new responses arrive', async () => {
    // Prepare: 6, 5 and 5 answers (minN 5).
    const id = await newSurvey();
    await answer(id, 'jn-jingwulu-ps', 6);
    await answer(id, 'jn-jingbalu-ps', 5, 3);
    await answer(id, 'jn-jingwei-ps', 5, 2);
    const before = (await results(id)).body;
    // Act: one known parent answers 不满意 at 经五路, then four more.
    await answer(id, 'jn-jingwulu-ps', 1, 1);
    const afterOne = (await results(id)).body;
    await answer(id, 'jn-jingwulu-ps', 4, 1);
    const afterFive = (await results(id)).body;
    // Assess
    console.log('audit of the published snapshot', before.audit, 'version', before.snapshot.version);
    expect(afterOne.units).toEqual(before.units);
    expect(afterOne.snapshot).toEqual(before.snapshot);
    expect(before.audit).toMatchObject({ passed: true, determined: 0 });
    expect(afterFive.snapshot.version).toBe(before.snapshot.version + 1);
    const school = (body: any) => body.units.find((u: { id: string }) => u.id === 'jn-jingwulu-ps');
    expect(school(before).responses.n).toBe(6);
    expect(school(afterFive).responses.n).toBe(11);
  });

  it('refuses with AUDIT_FAILED when the stored plan would let a hidden school be computed', async () => {
    // Prepare: 经五路 5, 经八路 5 published (minN 5).
    const id = await newSurvey();
    await answer(id, 'jn-jingwulu-ps', 5);
    await answer(id, 'jn-jingbalu-ps', 5);
    expect((await results(id)).status).toBe(200);
    const stored = (await core.infra.surveys.getPublication(id))!;
    // A tampered plan: 经纬 holds 2 responses (all 满意) and only its own cells are hidden, so
    // the group minus the two shown schools gives its exact answers away.
    const twoOfFive = Object.fromEntries(Object.entries(stored.schools['jn-jingbalu-ps']).map(([c, n]) => [c, (n * 2) / 5]));
    const leaking = {
      ...stored,
      version: stored.version + 1,
      schools: { ...stored.schools, 'jn-jingwei-ps': twoOfFive },
      hidden: stored.hidden.filter((c) => c.startsWith('school:jn-jingwei-ps|')),
    };
    expect(await core.infra.surveys.putPublication(leaking, stored.version)).toBe(true);
    // Act
    const refused = await results(id);
    const exported = await core.app.request(`/api/admin/surveys/${id}/export`, { headers: { authorization: `Bearer ${admin.token}` } });
    // Assess
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'AUDIT_FAILED' } } });
    expect(refused.body.error.message).toContain('隐私');
    expect(exported.status).toBe(409);
  });

  it('AP52 stores one snapshot per version: a stale refresh is refused', async () => {
    // Prepare
    const id = await newSurvey();
    await answer(id, 'jn-jingwulu-ps', 5);
    await results(id);
    const stored = (await core.infra.surveys.getPublication(id))!;
    // Act
    const stale = await core.infra.surveys.putPublication({ ...stored, version: stored.version + 1 }, stored.version - 1);
    const fresh = await core.infra.surveys.putPublication({ ...stored, version: stored.version + 1 }, stored.version);
    // Assess
    expect(stored.version).toBe(1);
    expect(stale).toBe(false);
    expect(fresh).toBe(true);
    expect((await core.infra.surveys.getPublication(id))!.version).toBe(2);
  });
});
