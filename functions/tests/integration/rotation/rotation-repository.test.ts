import { RotationRepository } from '../../../src/features/rotation/rotation-repository';
import type { ObjectionItem, RotationAssignmentItem, RotationBatchItem } from '../../../src/features/rotation/rotation-items';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** One test per access pattern AP60-AP69 of docs/data-model.md, on DynamoDB Local. */
describe('rotation repository on DynamoDB Local', () => {
  let table: TestTable;
  let rotation: RotationRepository;
  const AT = '2026-11-23T02:00:00Z';
  const batch = (id: string, extra: Partial<RotationBatchItem> = {}): RotationBatchItem => ({
    kind: 'rotation-batch',
    id,
    districtId: 'jinan-shizhong',
    groupId: null,
    title: id,
    schoolYear: '2026-2027',
    noticeStart: '2026-11-23',
    noticeEnd: '2026-11-30',
    status: 'draft',
    supersedes: null,
    supersededBy: null,
    assignmentCount: 0,
    history: [{ status: 'draft', by: 'admin', at: AT }],
    ...extra,
  });
  const assignment = (batchId: string, n: number, teacherName = `教师${n}`): RotationAssignmentItem => ({
    kind: 'rotation-assignment',
    batchId,
    id: `a${String(n).padStart(5, '0')}`,
    teacherName,
    subject: '语文',
    fromSchoolId: 'jn-jingbalu-ps',
    fromSchoolName: '济南市经八路小学',
    toSchoolId: 'jn-jingwei-ps',
    toSchoolName: '济南市经纬小学',
    type: '集团内交流',
    startMonth: '2026-09',
    endMonth: '2028-08',
    backboneLevel: '无',
    transferPersonnel: false,
  });
  const objection = (batchId: string, id: string): ObjectionItem => ({
    kind: 'rotation-objection',
    id,
    batchId,
    assignmentId: null,
    text: '异议',
    screening: 'passed',
    createdAt: AT,
    resolution: null,
    resolvedBy: null,
    resolvedAt: null,
  });

  beforeAll(async () => {
    table = await createTestTable('rotation');
    rotation = new RotationRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP60 creates a batch with its assignments once', async () => {
    await rotation.createBatch(
      batch('rb-a60', { assignmentCount: 60 }),
      Array.from({ length: 60 }, (_, i) => assignment('rb-a60', i + 1)),
    );
    await expect(rotation.createBatch(batch('rb-a60'), [])).rejects.toThrow();
    expect(await rotation.listAssignments('rb-a60')).toHaveLength(60);
  });

  it('AP61 reads a batch, and null for an unknown id', async () => {
    await rotation.createBatch(batch('rb-a61'), []);
    expect(await rotation.getBatch('rb-a61')).toMatchObject({ id: 'rb-a61', status: 'draft', supersededBy: null });
    expect(await rotation.getBatch('rb-none')).toBeNull();
  });

  it("AP62 lists a district's batches and nothing of other districts", async () => {
    await rotation.createBatch(batch('rb-a62'), []);
    await rotation.createBatch(batch('rb-a62q', { districtId: 'qingdao-shibei' }), []);
    const ids = (await rotation.listBatchesOfDistrict('jinan-shizhong')).map((b) => b.id);
    expect(ids).toContain('rb-a62');
    expect(ids).not.toContain('rb-a62q');
  });

  it("AP63 lists a batch's assignments only (not its objections)", async () => {
    await rotation.createBatch(batch('rb-a63'), [assignment('rb-a63', 1), assignment('rb-a63', 2)]);
    await rotation.putObjection(objection('rb-a63', 'o1'));
    expect((await rotation.listAssignments('rb-a63')).map((a) => a.id)).toEqual(['a00001', 'a00002']);
  });

  it('AP64 edits a draft, and not a published batch', async () => {
    await rotation.createBatch(batch('rb-a64'), []);
    expect(await rotation.updateDraft('rb-a64', { title: '新标题', noticeStart: '2026-12-01', noticeEnd: '2026-12-08' })).toBe(true);
    await rotation.publish((await rotation.getBatch('rb-a64'))!, 'admin', AT);
    expect(await rotation.updateDraft('rb-a64', { title: '再改', noticeStart: '2026-12-01', noticeEnd: '2026-12-08' })).toBe(false);
    expect(await rotation.getBatch('rb-a64')).toMatchObject({ title: '新标题', noticeEnd: '2026-12-08', status: 'published' });
  });

  it('AP65 publishes once with who and when, supersedes a published batch once, and withdraws only inside the 公示期', async () => {
    await rotation.createBatch(batch('rb-a65'), []);
    expect(await rotation.publish(batch('rb-a65'), 'admin-1', AT)).toBe(true);
    expect(await rotation.publish(batch('rb-a65'), 'admin-1', AT)).toBe(false);
    const fix = batch('rb-a65fix', { supersedes: 'rb-a65' });
    await rotation.createBatch(fix, []);
    await rotation.createBatch(batch('rb-a65dup', { supersedes: 'rb-a65' }), []);
    expect(await rotation.publish(fix, 'admin-2', AT)).toBe(true);
    expect(await rotation.publish(batch('rb-a65dup', { supersedes: 'rb-a65' }), 'admin-2', AT)).toBe(false);
    expect(await rotation.getBatch('rb-a65')).toMatchObject({
      supersededBy: 'rb-a65fix',
      history: [{ status: 'draft' }, { status: 'published', by: 'admin-1', at: AT }],
    });
    expect((await rotation.getBatch('rb-a65dup'))?.status).toBe('draft');
    // Withdraw: not after the 公示期, yes inside it.
    expect(await rotation.withdraw('rb-a65fix', '2026-12-01', 'admin-3', AT)).toBe(false);
    expect(await rotation.withdraw('rb-a65fix', '2026-11-30', 'admin-3', AT)).toBe(true);
    expect((await rotation.getBatch('rb-a65fix'))?.history.at(-1)).toEqual({ status: 'withdrawn', by: 'admin-3', at: AT });
  });

  it("AP66 finds a teacher's assignments by sending school and name, across batches", async () => {
    await rotation.createBatch(batch('rb-a66'), [assignment('rb-a66', 1, '王芳'), assignment('rb-a66', 2, '李强')]);
    await rotation.createBatch(batch('rb-a66b'), [assignment('rb-a66b', 1, '王芳')]);
    expect((await rotation.listAssignmentsOfTeacher('jn-jingbalu-ps', '王芳')).map((a) => a.batchId).sort()).toEqual(['rb-a66', 'rb-a66b']);
    expect(await rotation.listAssignmentsOfTeacher('jn-jingwei-ps', '王芳')).toEqual([]);
  });

  it('AP67 files, lists and resolves objections once', async () => {
    await rotation.createBatch(batch('rb-a67'), [assignment('rb-a67', 1)]);
    await rotation.putObjection(objection('rb-a67', 'o1'));
    await rotation.putObjection({ ...objection('rb-a67', 'o2'), screening: 'held' });
    expect(await rotation.resolveObjection('rb-a67', 'o1', '已核实', 'admin', AT)).toBe(true);
    expect(await rotation.resolveObjection('rb-a67', 'o1', '再改', 'admin', AT)).toBe(false);
    expect(await rotation.resolveObjection('rb-a67', 'o-none', '无', 'admin', AT)).toBe(false);
    const listed = await rotation.listObjections('rb-a67');
    expect(listed.map((o) => [o.id, o.screening, o.resolution])).toEqual([
      ['o1', 'passed', '已核实'],
      ['o2', 'held', null],
    ]);
  });

  it('AP68 keeps one eligible count per school and year, listed per district and year', async () => {
    const count = (schoolId: string, schoolYear: string, eligible: number) => ({
      kind: 'eligible-teachers' as const,
      schoolId,
      schoolYear,
      eligible,
      updatedAt: AT,
    });
    await rotation.putEligible('jinan-shizhong', count('jn-jingbalu-ps', '2026-2027', 80));
    await rotation.putEligible('jinan-shizhong', count('jn-jingbalu-ps', '2026-2027', 84));
    await rotation.putEligible('jinan-shizhong', count('jn-jingwei-ps', '2026-2027', 40));
    await rotation.putEligible('jinan-shizhong', count('jn-jingwei-ps', '2025-2026', 39));
    expect((await rotation.listEligible('jinan-shizhong', '2026-2027')).map((e) => [e.schoolId, e.eligible])).toEqual([
      ['jn-jingbalu-ps', 84],
      ['jn-jingwei-ps', 40],
    ]);
  });

  it('AP69 answers the national defaults until a district sets its own', async () => {
    expect(await rotation.getSettings('haidian')).toEqual({ rotatingPct: 10, backbonePct: 20, holidays: [], makeupWorkdays: [] });
    await rotation.putSettings('haidian', { rotatingPct: 15, backbonePct: 30, holidays: ['2027-01-01'], makeupWorkdays: ['2027-01-09'] });
    expect(await rotation.getSettings('haidian')).toEqual({
      rotatingPct: 15,
      backbonePct: 30,
      holidays: ['2027-01-01'],
      makeupWorkdays: ['2027-01-09'],
    });
  });
});
