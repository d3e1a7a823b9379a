import ExcelJS from 'exceljs';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { prepareJingwuEvaluation } from '../../../../tests/support/evaluation';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Reading rounds: the round list, a group's page, the XLSX, publishing and the public view. */
describe('evaluation reports', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let district: TestClient;
  let group: TestClient;
  let anonymous: TestClient;
  let fixture: Awaited<ReturnType<typeof prepareJingwuEvaluation>>;

  beforeAll(async () => {
    table = await createSeededTable('eval-reports');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    district = new TestClient(core.app);
    await district.devLogin('district_admin');
    group = new TestClient(core.app);
    await group.devLogin('group_admin');
    anonymous = new TestClient(core.app);
    fixture = await prepareJingwuEvaluation(core, district);
  });
  afterAll(() => table.drop());

  const lockedRound = async (name: string, value: number) => {
    const id = await fixture.newRound(name);
    await fixture.scoreAll(id, value);
    expect((await district.call('POST', `/api/admin/rounds/${id}/lock`, { confirmIncomplete: true })).status).toBe(200);
    return id;
  };
  const publish = (id: string, show: Partial<Record<'total' | 'dimensions' | 'schools' | 'ranking', boolean>>, published = true) =>
    district.call('PUT', `/api/admin/rounds/${id}/publication`, {
      published,
      show: { total: false, dimensions: false, schools: false, ranking: false, ...show },
    });

  it("lists the district's rounds newest first, and only locked ones to a group", async () => {
    // Prepare
    const open = await fixture.newRound('草稿轮次');
    const closed = await lockedRound('已锁定轮次', 80);
    // Act
    const forDistrict = await district.call('GET', '/api/admin/districts/jinan-shizhong/rounds');
    const forGroup = await group.call('GET', '/api/admin/groups/jn-jingwu/rounds');
    // Assess
    const ids = forDistrict.body.items.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([open, closed]));
    expect(forDistrict.body.items[0]).not.toHaveProperty('system');
    expect(forGroup.body.items.map((r: { id: string }) => r.id)).toContain(closed);
    expect(forGroup.body.items.map((r: { id: string }) => r.id)).not.toContain(open);
  });

  it('shows a group its page of a locked round, and refuses it an open one', async () => {
    // Prepare
    const open = await fixture.newRound('进行中');
    const closed = await lockedRound('集团视图', 80);
    // Act
    const draft = await group.call('GET', `/api/admin/rounds/${open}/groups/jn-jingwu`);
    const page = await group.call('GET', `/api/admin/rounds/${closed}/groups/jn-jingwu`);
    const districtDraft = await district.call('GET', `/api/admin/rounds/${open}/groups/jn-jingwu`);
    const otherDistrict = await district.call('GET', `/api/admin/rounds/${closed}/groups/qd-qingda-binhai`);
    // Assess: (600·84 + 300·64 + 100·80) / 1000 = 77.6, as in docs/scoring.md.
    expect(draft).toMatchObject({ status: 403, body: { error: { code: 'ROUND_NOT_LOCKED' } } });
    expect(districtDraft.status).toBe(200);
    expect(page.status).toBe(200);
    expect(page.body.group.total.score).toBe(77.6);
    expect(page.body.groupCount).toBe(1);
    expect(page.body.unrankedGroups).toBeGreaterThan(0);
    expect(page.body.schools.map((s: { id: string }) => s.id)).toEqual(['jn-jingbalu-ps', 'jn-jingwei-ps', 'jn-jingwulu-ps']);
    expect(page.body.round).toMatchObject({ id: closed, status: 'locked' });
    expect(otherDistrict.status).toBe(403);
  });

  it('exports the report as XLSX with the group ranking, 数据不足 and the evidence of manual scores', async () => {
    // Prepare
    const id = await lockedRound('导出', 80);
    // Act
    const res = await core.app.request(`/api/admin/rounds/${id}/export`, { headers: { authorization: `Bearer ${district.token}` } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    // Assess
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const groups = book.getWorksheet('集团排名')!;
    const jingwu = groups.getRows(2, groups.rowCount - 1)!.find((r) => r.getCell(2).value === '经五教育集团')!;
    expect(jingwu.getCell(1).value).toBe(1);
    expect(jingwu.getCell(3).value).toBe(77.6);
    const schools = book.getWorksheet('学校')!;
    const header = (schools.getRow(1).values as unknown[]).indexOf('社会认可·家长满意率');
    const yuying = schools.getRows(2, schools.rowCount - 1)!.find((r) => String(r.getCell(2).value).includes('育英'))!;
    expect(yuying.getCell(header).value).toBe('数据不足');
    expect(book.getWorksheet('人工评分依据')!.getRow(2).getCell(4).value).toBe('督导报告第 3 页');
  });

  it('publishes only a locked round, and the public sees only the parts chosen', async () => {
    // Prepare
    const open = await fixture.newRound('未锁定');
    const closed = await lockedRound('公开', 80);
    // Act
    const early = await publish(open, { total: true });
    const before = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    const ranking = await publish(closed, { total: true, ranking: true });
    await publish(closed, { total: true });
    const totalOnly = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    await publish(closed, { dimensions: true, schools: true });
    const detail = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    await publish(closed, {}, false);
    const withdrawn = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    // Assess
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'ROUND_NOT_LOCKED' } } });
    // Other groups of the district have no score: the ranking cannot go public.
    expect(ranking).toMatchObject({ status: 409, body: { error: { code: 'RANKING_INCOMPLETE' } } });
    expect(ranking.body.error.message).toMatch(/个集团数据不完整/);
    expect(before.body).toEqual({ evaluation: null });
    expect(totalOnly.body.evaluation.total).toMatchObject({ complete: true, flags: { incomplete: false, recognitionBelowBar: true } });
    expect(totalOnly.body.evaluation.total.score).toBe(77.6);
    expect(totalOnly.body.evaluation).not.toHaveProperty('ranking');
    expect(totalOnly.body.evaluation).not.toHaveProperty('schools');
    expect(totalOnly.body.evaluation).not.toHaveProperty('dimensionScores');
    expect(detail.body.evaluation).not.toHaveProperty('total');
    expect(detail.body.evaluation).not.toHaveProperty('ranking');
    expect(detail.body.evaluation.schools).toHaveLength(3);
    expect(detail.body.evaluation.dimensionScores.recognition.score).toBe((600 * 100 + 300 * 0 + 100 * 80) / 1000);
    expect(withdrawn.body).toEqual({ evaluation: null });
  });

  it("reads a published round's report text once, then serves the public view from what it kept", async () => {
    // Prepare
    const closed = await lockedRound('缓存', 80);
    await publish(closed, { total: true });
    const reads = jest.spyOn(core.infra.evaluations, 'getRound');
    const readsOf = () => reads.mock.calls.filter(([id]) => id === closed).length;
    // Act
    const first = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    const second = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    const readsForTwoViews = readsOf();
    await publish(closed, { schools: true });
    const beforeRepublished = readsOf();
    const republished = await anonymous.call('GET', '/api/groups/jn-jingwu/evaluation');
    // Assess: one read for two views; the parts follow the publication (kept on the head).
    expect(readsForTwoViews).toBe(1);
    expect(readsOf()).toBe(beforeRepublished);
    expect(second.body).toEqual(first.body);
    expect(first.body.evaluation.round.id).toBe(closed);
    expect(republished.body.evaluation).not.toHaveProperty('total');
    expect(republished.body.evaluation.schools).toHaveLength(3);
    reads.mockRestore();
  });

  it('reads the round once per request, though both its access check and its handler need it', async () => {
    // Prepare
    const id = await fixture.newRound('一次读取');
    const reads = jest.spyOn(core.infra.evaluations, 'getRound');
    // Act
    const answer = await district.call('GET', `/api/admin/rounds/${id}/report`);
    // Assess
    expect(answer.status).toBe(200);
    expect(reads.mock.calls.filter(([roundId]) => roundId === id)).toHaveLength(1);
    reads.mockRestore();
  });

  it("answers a round's status and publication with its report, after the report's own fields", async () => {
    // Prepare
    const open = await fixture.newRound('状态-进行中');
    const closed = await lockedRound('状态-已锁定', 80);
    await publish(closed, { total: true });
    const stored = (await core.infra.evaluations.getRound(closed))!.lockedReport!;
    // Act
    const draft = await district.call('GET', `/api/admin/rounds/${open}/report`);
    const frozen = await core.app.request(`/api/admin/rounds/${closed}/report`, { headers: { authorization: `Bearer ${district.token}` } });
    const text = await frozen.text();
    // Assess: the frozen text is answered as stored, the summary after it.
    expect(draft.body.round).toMatchObject({ id: open, status: 'open', lockedAt: null, publication: null });
    expect(draft.body.schools.length).toBeGreaterThan(0);
    expect(text.startsWith(stored.slice(0, -1))).toBe(true);
    expect(JSON.parse(text).round).toMatchObject({
      id: closed,
      status: 'locked',
      publication: { published: true, show: { total: true, dimensions: false, schools: false, ranking: false } },
    });
    expect(Object.keys(JSON.parse(text))).toEqual([...Object.keys(JSON.parse(stored)), 'round']);
  });

  it("reads a group only for the access check on the group's page of a round", async () => {
    // Prepare
    const closed = await lockedRound('集团读取', 80);
    const reads = jest.spyOn(core.infra.catalog, 'getGroupWithMembers');
    // Act
    const byGroup = await group.call('GET', `/api/admin/rounds/${closed}/groups/jn-jingwu`);
    const groupReads = reads.mock.calls.length;
    const byDistrict = await district.call('GET', `/api/admin/rounds/${closed}/groups/jn-jingwu`);
    // Assess
    expect(byGroup.status).toBe(200);
    expect(byDistrict.status).toBe(200);
    expect(groupReads).toBe(1);
    expect(reads.mock.calls).toHaveLength(2);
    reads.mockRestore();
  });

  it("refuses a group admin another district's open round as not found, and its own district's as not locked", async () => {
    // Prepare: a 青岛 round, open; the 经五 admin asks for their group's page of it.
    const qingdao = new TestClient(core.app);
    await qingdao.devLogin({ role: 'district_admin', districtId: 'qingdao-shibei' });
    const manualOnly = {
      name: '人工评分',
      dimensions: [
        { id: 'd', name: '维度', weight: 100, indicators: [{ id: 'i', name: '指标', weight: 100, source: { kind: 'manual' } }] },
      ],
    };
    const foreign = await qingdao.call('POST', '/api/admin/rounds', { districtId: 'qingdao-shibei', name: '青岛轮次', system: manualOnly });
    const own = await fixture.newRound('本区进行中');
    // Act
    const elsewhere = await group.call('GET', `/api/admin/rounds/${foreign.body.id}/groups/jn-jingwu`);
    const here = await group.call('GET', `/api/admin/rounds/${own}/groups/jn-jingwu`);
    // Assess
    expect(elsewhere).toMatchObject({ status: 404, body: { error: { message: '该集团不在本轮评价范围内' } } });
    expect(here).toMatchObject({ status: 403, body: { error: { code: 'ROUND_NOT_LOCKED' } } });
  });

  it('answers 404 for an unknown group or round, and 400 for a malformed publication', async () => {
    const closed = await lockedRound('错误输入', 80);
    expect((await anonymous.call('GET', '/api/groups/no-such-group/evaluation')).status).toBe(404);
    expect((await district.call('GET', '/api/admin/rounds/rd-nope/groups/jn-jingwu')).status).toBe(404);
    expect((await district.call('PUT', `/api/admin/rounds/${closed}/publication`, { published: 'yes' })).status).toBe(400);
  });
});
