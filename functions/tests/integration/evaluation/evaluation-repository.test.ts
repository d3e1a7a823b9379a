import { EVALUATION_TEMPLATES, IndicatorSystemSchema } from '../../../../shared';
import { EvaluationRepository, type ManualScoreItem, type RoundItem } from '../../../src/features/evaluation/evaluation-repository';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** One test per access pattern AP33-AP39 of docs/data-model.md, on DynamoDB Local. */
describe('evaluation repository on DynamoDB Local', () => {
  let table: TestTable;
  let rounds: EvaluationRepository;
  const system = (() => {
    const draft = structuredClone(EVALUATION_TEMPLATES[0]) as any;
    draft.dimensions[3].indicators[0].source.surveyIds = ['sv-x'];
    return IndicatorSystemSchema.parse(draft);
  })();
  const round = (id: string): RoundItem => ({
    kind: 'round',
    id,
    districtId: 'jinan-shizhong',
    name: id,
    system,
    previousRoundId: null,
    status: 'open',
    createdAt: '2026-11-23T00:00:00Z',
  });
  const score = (schoolId: string, value: number): ManualScoreItem => ({
    kind: 'manual-score',
    schoolId,
    dimensionId: 'school',
    indicatorId: 'overall',
    score: value,
    evidence: '报告',
    enteredBy: '王主任',
    enteredAt: '2026-11-23T00:00:00Z',
  });

  beforeAll(async () => {
    table = await createTestTable('evaluation');
    rounds = new EvaluationRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('AP33 creates a round once, with its indicator system', async () => {
    await rounds.putRound(round('rd-a33'));
    await expect(rounds.putRound(round('rd-a33'))).rejects.toThrow();
  });

  it('AP34 reads a round, and null for an unknown id', async () => {
    await rounds.putRound(round('rd-a34'));
    expect((await rounds.getRound('rd-a34'))?.system.dimensions).toHaveLength(5);
    expect(await rounds.getRound('rd-none')).toBeNull();
  });

  it('AP35 stores a manual score while the round is open, and not after locking', async () => {
    await rounds.putRound(round('rd-a35'));
    expect(await rounds.putManualScore('rd-a35', score('jn-jiuqu-ps', 70))).toBe(true);
    await rounds.lockRound('rd-a35', '{}', 'admin', '2026-11-23T01:00:00Z');
    expect(await rounds.putManualScore('rd-a35', score('jn-jiuqu-ps', 99))).toBe(false);
  });

  it("AP36 lists a round's manual scores (one per school and indicator)", async () => {
    await rounds.putRound(round('rd-a36'));
    await rounds.putManualScore('rd-a36', score('jn-jiuqu-ps', 70));
    await rounds.putManualScore('rd-a36', score('jn-jiuqu-ps', 75));
    await rounds.putManualScore('rd-a36', score('jn-quanhai-ps', 60));
    expect((await rounds.listManualScores('rd-a36')).map((s) => [s.schoolId, s.score]).sort()).toEqual([
      ['jn-jiuqu-ps', 75],
      ['jn-quanhai-ps', 60],
    ]);
  });

  it('AP37 locks once and keeps who, when and the report text', async () => {
    await rounds.putRound(round('rd-a37'));
    expect(await rounds.lockRound('rd-a37', '{"a":1}', 'admin-key', '2026-11-23T02:00:00Z')).toBe(true);
    expect(await rounds.lockRound('rd-a37', '{"a":2}', 'other', '2026-11-23T03:00:00Z')).toBe(false);
    expect(await rounds.getRound('rd-a37')).toMatchObject({
      status: 'locked',
      lockedReport: '{"a":1}',
      lockedBy: 'admin-key',
      lockedAt: '2026-11-23T02:00:00Z',
    });
  });

  it("AP38 lists a district's rounds and no other district's", async () => {
    await rounds.putRound(round('rd-a38a'));
    await rounds.putRound({ ...round('rd-a38b'), districtId: 'qingdao-shibei' });
    const heads = await rounds.listRoundsOfDistrict('jinan-shizhong');
    const ids = heads.map((r) => r.id);
    expect(ids).toContain('rd-a38a');
    expect(ids).not.toContain('rd-a38b');
    // Heads only: the system and any report text stay behind.
    expect(heads.find((r) => r.id === 'rd-a38a')).toEqual({
      kind: 'round',
      id: 'rd-a38a',
      districtId: 'jinan-shizhong',
      name: 'rd-a38a',
      previousRoundId: null,
      status: 'open',
      createdAt: '2026-11-23T00:00:00Z',
    });
  });

  it('AP39 publishes a locked round only', async () => {
    const publication = {
      published: true,
      show: { total: true, dimensions: false, schools: false, ranking: false },
      by: 'admin',
      at: '2026-11-23T04:00:00Z',
    };
    await rounds.putRound(round('rd-a39'));
    expect(await rounds.setPublication('rd-a39', publication)).toBe(false);
    await rounds.lockRound('rd-a39', '{}', 'admin', '2026-11-23T03:00:00Z');
    expect(await rounds.setPublication('rd-a39', publication)).toBe(true);
    expect((await rounds.getRound('rd-a39'))?.publication).toEqual(publication);
  });
});
