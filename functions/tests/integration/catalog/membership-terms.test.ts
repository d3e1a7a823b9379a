import { createCore } from '../../../src/core';
import { catalogItem } from '../../../src/features/catalog/catalog-item-builders';
import { publishCatalog } from '../../../src/features/catalog/catalog-snapshots';
import { roundReport } from '../../../src/features/evaluation/evaluation-report';
import { createLogger } from '../../../src/log/logger';
import { boundParent } from '../surveys/bound-parent';
import { TestClient } from '../../../../tests/support/api-client';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * Dated memberships as every reader sees them. 迁校 moves from 北苑 to 南苑 from term 2027-1
 * (T+1); until then, in 2026-2 (T), it is 北苑's. A number made for T keeps T's grouping
 * whenever it is read.
 */
describe('membership by term', () => {
  const T = '2026-2';
  const NEXT = '2027-1';
  const IN_T = new Date('2027-04-01T02:00:00Z');
  const IN_NEXT = new Date('2027-10-08T02:00:00Z');
  const DISTRICT = 'terms-town';

  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let clock = IN_T;

  const district = { id: DISTRICT, name: '学期区', city: '测试市', province: '测试省' };
  const group = (id: string, name: string, archivedAt?: string) => ({
    id,
    name,
    groupType: '1+X',
    districtId: DISTRICT,
    leadSchoolId: null,
    partners: [],
    source: '测试',
    ...(archivedAt ? { archivedAt } : {}),
  });
  const school = (id: string, name: string, archivedAt?: string) => ({
    id,
    name,
    districtId: DISTRICT,
    stage: '小学' as const,
    aliases: [],
    ...(archivedAt ? { archivedAt } : {}),
  });
  const north = group('tt-north', '北苑教育集团');
  const south = group('tt-south', '南苑教育集团');
  const closedGroup = group('tt-closed-group', '停办教育集团', '2027-03-01T00:00:00Z');
  const moved = school('tt-moved', '迁校小学');
  const stay = school('tt-north-ps', '北苑小学');
  const southern = school('tt-south-ps', '南苑小学');
  const closed = school('tt-closed', '停办小学', '2027-03-01T00:00:00Z');

  beforeAll(async () => {
    table = await createTestTable('terms');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => clock,
    });
    await table.catalog.putItems([
      catalogItem.district(district),
      ...[north, south, closedGroup].map(catalogItem.group),
      ...[moved, stay, southern, closed].map((s) => catalogItem.school(s, district)),
      catalogItem.membership(north, moved, 'member', { untilTerm: NEXT }),
      catalogItem.membership(south, moved, 'member', { fromTerm: NEXT }),
      catalogItem.membership(north, stay, 'lead'),
      catalogItem.membership(south, southern, 'lead'),
      catalogItem.membership(closedGroup, closed, 'lead'),
    ]);
    await publishCatalog(core.infra.catalog, () => clock.getTime());
    admin = new TestClient(core.app);
    await admin.devLogin({ role: 'district_admin', districtId: DISTRICT });
  });
  afterAll(() => table.drop());

  const ids = (items: Array<{ schoolId: string }>) => items.map((m) => m.schoolId).sort();

  it('AP85: a group’s members are the periods in force at the term read for', async () => {
    // Act
    const [northAtT, northNext, southNext] = await Promise.all([
      table.catalog.getGroupWithMembers(north.id, T),
      table.catalog.getGroupWithMembers(north.id, NEXT),
      table.catalog.getGroupWithMembers(south.id, NEXT),
    ]);
    // Assess
    expect(ids(northAtT!.members)).toEqual(['tt-moved', 'tt-north-ps']);
    expect(ids(northNext!.members)).toEqual(['tt-north-ps']);
    expect(ids(southNext!.members)).toEqual(['tt-moved', 'tt-south-ps']);
    expect((await table.catalog.allPeriodsOfGroup(north.id)).length).toBe(2);
  });

  it('AP86: a school’s groups are those of the term read for', async () => {
    // Act
    const atT = await table.catalog.listGroupsOfSchool(moved.id, T);
    const next = await table.catalog.listGroupsOfSchool(moved.id, NEXT);
    // Assess
    expect(atT.map((m) => m.groupId)).toEqual(['tt-north']);
    expect(next.map((m) => m.groupId)).toEqual(['tt-south']);
    expect((await table.catalog.allPeriodsOfSchool(moved.id)).map((m) => m.groupId).sort()).toEqual(['tt-north', 'tt-south']);
  });

  it('AP87: a district’s memberships are those of the term read for', async () => {
    // Act
    const atT = await table.catalog.listMembershipsOfDistrict(DISTRICT, T);
    const next = await table.catalog.listMembershipsOfDistrict(DISTRICT, NEXT);
    // Assess
    const pairs = (items: Array<{ groupId: string; schoolId: string }>) => items.map((m) => `${m.groupId}/${m.schoolId}`).sort();
    expect(pairs(atT)).toContain('tt-north/tt-moved');
    expect(pairs(atT)).not.toContain('tt-south/tt-moved');
    expect(pairs(next)).toContain('tt-south/tt-moved');
    expect(pairs(next)).not.toContain('tt-north/tt-moved');
    expect(await table.catalog.allPeriodsOfDistrict(DISTRICT)).toHaveLength(5);
  });

  it('AP88: the district counts leave archived groups and schools out', async () => {
    // Act
    const counts = await table.catalog.countDistrict(DISTRICT);
    // Assess: 北苑, 南苑; 迁校, 北苑小学, 南苑小学 (停办 and its group are archived).
    expect(counts).toEqual({ groups: 2, schools: 3 });
  });

  it('AP89: the published catalogue holds every period, so search shows the term’s groups, and no archived school', async () => {
    // Prepare
    clock = IN_T;
    const search = async (q: string) => (await admin.call('GET', `/api/schools?q=${encodeURIComponent(q)}&district=${DISTRICT}`)).body;
    // Act
    const atT = await search('迁校');
    clock = IN_NEXT;
    const next = await search('迁校');
    const gone = await search('停办');
    const districts = (await admin.call('GET', '/api/districts')).body;
    // Assess
    expect(atT.items[0].groups.map((g: { id: string }) => g.id)).toEqual(['tt-north']);
    expect(next.items[0].groups.map((g: { id: string }) => g.id)).toEqual(['tt-south']);
    expect(gone.items).toEqual([]);
    expect(districts.items.find((d: { id: string }) => d.id === DISTRICT)).toMatchObject({ groupCount: 2, schoolCount: 3 });
  });

  it('shows the moved school on the old group’s page in T and on the new group’s page from T+1', async () => {
    // Prepare
    const members = async (groupId: string) =>
      (await admin.call('GET', `/api/groups/${groupId}`)).body.members.map((m: { schoolId: string }) => m.schoolId).sort();
    // Act
    clock = IN_T;
    const [northAtT, southAtT] = [await members(north.id), await members(south.id)];
    clock = IN_NEXT;
    const [northNext, southNext] = [await members(north.id), await members(south.id)];
    // Assess
    expect(northAtT).toEqual(['tt-moved', 'tt-north-ps']);
    expect(southAtT).toEqual(['tt-south-ps']);
    expect(northNext).toEqual(['tt-north-ps']);
    expect(southNext).toEqual(['tt-moved', 'tt-south-ps']);
  });

  it('answers 404 for an archived school’s and group’s public pages, and leaves the group out of the district’s list', async () => {
    // Act
    const schoolPage = await admin.call('GET', `/api/schools/${closed.id}`);
    const groupPage = await admin.call('GET', `/api/groups/${closedGroup.id}`);
    const groups = (await admin.call('GET', `/api/districts/${DISTRICT}/groups`)).body;
    // Assess
    expect(schoolPage.status).toBe(404);
    expect(groupPage.status).toBe(404);
    expect(groups.items.map((g: { id: string }) => g.id).sort()).toEqual(['tt-north', 'tt-south']);
  });

  it('refuses a new survey that names an archived school', async () => {
    // Prepare
    clock = IN_T;
    const definition = templateSurvey({ districtId: DISTRICT, schoolIds: [closed.id] });
    // Act
    const refused = core.services.surveys.create(definition, 'test');
    // Assess
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'AUDIENCE_MISMATCH', message: expect.stringContaining('已停用') });
  });

  describe('a survey opened in T, answered after the move', () => {
    let surveyId: string;
    let roundId: string;
    let parent = 0;

    beforeAll(async () => {
      // Prepare: a district-wide survey opened in T that closes in T+1; a round of T.
      clock = IN_T;
      const definition = templateSurvey({ districtId: DISTRICT }, { opensAt: '2027-03-15T00:00:00Z', closesAt: '2027-10-31T00:00:00Z' });
      surveyId = (await core.services.surveys.create(definition, 'test', { minN: 5 })).id;
      roundId = (
        await core.services.evaluation.create({
          districtId: DISTRICT,
          name: '2026—2027学年第二学期评价',
          templateId: 'jinan-shizhong',
          surveyIds: [surveyId],
          previousRoundId: null,
        })
      ).id;
      // The move takes effect, then every school's parents answer (and the admin signs in again: months have passed).
      clock = IN_NEXT;
      await admin.devLogin({ role: 'district_admin', districtId: DISTRICT });
      for (const schoolId of [moved.id, stay.id, southern.id])
        for (let i = 0; i < 5; i++)
          await core.services.surveys.submit(await boundParent(core, `terms-${parent++}`, schoolId), surveyId, {
            schoolId,
            answers: satisfactionAnswers(4),
          });
    });

    it('keeps its term and still reaches the moved school’s parents', async () => {
      // Act
      const survey = await core.services.surveys.get(surveyId);
      const mine = await core.services.surveyListings.forParent(await boundParent(core, `terms-${parent++}`, moved.id));
      // Assess
      expect(survey.term).toBe(T);
      expect(mine.items.map((s) => s.id)).toContain(surveyId);
    });

    it('groups the moved school under its old group in the results', async () => {
      // Act
      const results = (await admin.call('GET', `/api/admin/surveys/${surveyId}/results`)).body;
      // Assess: 北苑 has 迁校 and 北苑小学 (10 responses), 南苑 only 南苑小学 (5); the archived school is not in the audience.
      const n = (id: string) => results.units.find((u: { id: string }) => u.id === id).responses.n;
      expect(n('tt-north')).toBe(10);
      expect(n('tt-south')).toBe(5);
      expect(results.units.map((u: { id: string }) => u.id)).not.toContain(closed.id);
    });

    it('scores a round of T with T’s groups', async () => {
      // Act
      const round = await core.services.evaluation.round(roundId);
      const report = await roundReport(core.infra, round);
      // Assess
      expect(round.term).toBe(T);
      const members = (id: string) => report.groups.find((g) => g.id === id)?.schoolIds.sort();
      expect(members('tt-north')).toEqual(['tt-moved', 'tt-north-ps']);
      expect(members('tt-south')).toEqual(['tt-south-ps']);
    });

    it('scores a round with the term its body names', async () => {
      // Act
      const { id } = await core.services.evaluation.create({
        districtId: DISTRICT,
        name: '下学期评价',
        templateId: 'jinan-shizhong',
        surveyIds: [surveyId],
        previousRoundId: null,
        term: NEXT,
      });
      const report = await roundReport(core.infra, await core.services.evaluation.round(id));
      // Assess
      expect(report.groups.find((g) => g.id === 'tt-south')?.schoolIds.sort()).toEqual(['tt-moved', 'tt-south-ps']);
    });
  });

  it('counts rotation compliance of a school year with the membership of its first term', async () => {
    // Prepare: eligible teachers in both school years; 2026-2027 starts with 2026-1, 2027-2028 with 2027-1.
    const at = new Date().toISOString();
    for (const schoolYear of ['2026-2027', '2027-2028'])
      for (const [schoolId, eligible] of [
        [moved.id, 100],
        [stay.id, 10],
        [southern.id, 1],
      ] as const)
        await core.infra.rotation.putEligible(DISTRICT, { kind: 'eligible-teachers', schoolId, schoolYear, eligible, updatedAt: at });
    // Act
    const before = await core.services.rotationPolicy.compliance(DISTRICT, '2026-2027');
    const after = await core.services.rotationPolicy.compliance(DISTRICT, '2027-2028');
    // Assess
    const eligible = (report: typeof before, id: string) => report.units.find((u) => u.level === 'group' && u.id === id)?.eligible;
    expect([eligible(before, 'tt-north'), eligible(before, 'tt-south')]).toEqual([110, 1]);
    expect([eligible(after, 'tt-north'), eligible(after, 'tt-south')]).toEqual([10, 101]);
  });
});
