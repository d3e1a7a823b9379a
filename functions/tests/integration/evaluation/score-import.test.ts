import { EVALUATION_TEMPLATES } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import {
  downloadScoreTemplate,
  filledRows,
  importBody,
  prepareJingwuEvaluation,
  scoreWorkbook,
  sheetRows,
} from '../../../../tests/support/evaluation';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** Manual scores from a spreadsheet (AP120): the template, the preview's row errors, and all or nothing. */
describe('manual score import', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let newRound: Awaited<ReturnType<typeof prepareJingwuEvaluation>>['newRound'];

  beforeAll(async () => {
    table = await createSeededTable('score-import');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    ({ newRound } = await prepareJingwuEvaluation(core, admin));
  });
  afterAll(() => table.drop());

  const template = async (roundId: string) => sheetRows(await downloadScoreTemplate(core.app, admin.token!, roundId));
  const importFile = (roundId: string, file: Buffer, apply: boolean) =>
    admin.call('POST', `/api/admin/rounds/${roundId}/scores/import`, importBody(file, apply));
  const stored = (roundId: string) => core.infra.evaluations.listManualScores(roundId);

  it('offers a template with one row per school and manual indicator of the district (24 × 4 = 96)', async () => {
    // Prepare
    const roundId = await newRound('模板');
    // Act
    const rows = await template(roundId);
    // Assess: 社会认可 is fed by the survey, so it is not in the template.
    expect(rows).toHaveLength(96);
    expect(new Set(rows.map((r) => r[0])).size).toBe(24);
    expect([...new Set(rows.map((r) => r[1]))].sort()).toEqual(
      ['发展潜能·发展潜能综合评价', '学校发展·学校发展综合评价', '学生发展·学生发展综合评价', '教师发展·教师发展综合评价'].sort(),
    );
    expect(rows.every((r) => r.slice(2).every((cell) => cell === ''))).toBe(true);
  });

  it('stores nothing from a file with one bad row, naming the row and the column', async () => {
    // Prepare: 96 good rows but the fourth data row (spreadsheet row 5) scores 120.
    const roundId = await newRound('一行出错');
    const rows = filledRows(await template(roundId), (k) => (k === 3 ? 120 : 80));
    // Act
    const answer = await importFile(roundId, await scoreWorkbook(rows), true);
    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ applied: false, rows: 96, errors: [{ row: 5, column: '分数', message: '须在 0–100 之间' }] });
    expect(await stored(roundId)).toEqual([]);
  });

  it('stores a good 96-row file at once, each score with its evidence and 录入人, and a re-import changes nothing', async () => {
    // Prepare
    const roundId = await newRound('整区导入');
    const file = await scoreWorkbook(filledRows(await template(roundId)));
    // Act
    const preview = await importFile(roundId, file, false);
    const afterPreview = await stored(roundId);
    const applied = await importFile(roundId, file, true);
    const first = await stored(roundId);
    const again = await importFile(roundId, file, true);
    const second = await stored(roundId);
    // Assess
    expect(preview.body).toMatchObject({ applied: false, rows: 96, errors: [], changes: { added: 96, updated: 0, unchanged: 0 } });
    expect(afterPreview).toEqual([]);
    expect(applied.body).toMatchObject({ applied: true, changes: { added: 96 } });
    expect(first).toHaveLength(96);
    expect(first.every((s) => s.evidence.startsWith('2026 年秋季督导报告第') && s.enteredBy === '王主任')).toBe(true);
    expect(again.body).toMatchObject({ applied: true, changes: { added: 0, updated: 0, unchanged: 96 } });
    expect(second).toEqual(first);
    // The report reads them: 经五路小学's 学校发展 is the score of its row.
    const report = (await admin.call('GET', `/api/admin/rounds/${roundId}/report`)).body;
    const rows = await template(roundId);
    const jingwu = rows.findIndex((r) => r[0] === '济南市经五路小学' && r[1] === '学校发展·学校发展综合评价');
    const school = report.schools.find((s: { id: string }) => s.id === 'jn-jingwulu-ps');
    expect(school.indicators['school/overall']).toMatchObject({ score: 60 + (jingwu % 40), enteredBy: '王主任' });
  });

  it('names unknown, foreign, duplicate, survey-fed and malformed rows in Chinese, per row and column', async () => {
    // Prepare: 经五路小学 by its alias, 济南市经纬小学 by its full name.
    const roundId = await newRound('出错的行');
    const rows: Array<Array<string | number>> = [
      ['经五路小学', '学校发展·学校发展综合评价', 85, '督导报告', '王主任'],
      ['不存在小学', '学校发展·学校发展综合评价', 85, '督导报告', '王主任'],
      ['qd-binhai', '学校发展·学校发展综合评价', 85, '督导报告', '王主任'],
      ['经五路小学', '学校发展·学校发展综合评价', 90, '督导报告', '王主任'],
      ['经五路小学', '社会认可·家长满意率', 90, '督导报告', '王主任'],
      ['济南市经纬小学', '教师发展·教师发展综合评价', '八十', '', '王主任'],
      ['济南市经纬小学', '学生发展·学生发展综合评价', '', '', ''],
    ];
    // Act
    const answer = await importFile(roundId, await scoreWorkbook(rows), true);
    // Assess: the last row is left blank on purpose (skipped, not an error).
    expect(answer.body.applied).toBe(false);
    expect(answer.body.skipped).toBe(1);
    const messages = answer.body.errors.map(
      (e: { row: number; column: string; message: string }) => `第 ${e.row} 行 ${e.column}：${e.message}`,
    );
    expect(messages).toEqual([
      '第 3 行 学校：本区没有“不存在小学”，请按模板填写学校全称',
      '第 4 行 学校：“qd-binhai”不是本区学校，无权录入',
      '第 5 行 指标：与第 2 行重复（同一学校同一指标只能有一行）',
      '第 6 行 指标：“社会认可·家长满意率”取自问卷结果，不能导入分数',
      '第 7 行 分数：须为数字，最多两位小数（如 85 或 85.5）',
      '第 7 行 佐证材料：请填写佐证材料',
    ]);
    expect(await stored(roundId)).toEqual([]);
  });

  it('refuses a file that is not the template, and a locked round', async () => {
    // Prepare
    const roundId = await newRound('已锁定');
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    book.addWorksheet('x').addRow(['姓名', '分数']);
    const wrong = Buffer.from(await book.xlsx.writeBuffer());
    await admin.call('POST', `/api/admin/rounds/${roundId}/lock`, { confirmIncomplete: true });
    // Act
    const badHeader = await importFile(await newRound('表头'), wrong, false);
    const locked = await importFile(
      roundId,
      await scoreWorkbook([['经五路小学', '学校发展·学校发展综合评价', 85, '督导报告', '王主任']]),
      true,
    );
    const garbage = await admin.call('POST', `/api/admin/rounds/${await newRound('不是 Excel')}/scores/import`, {
      format: 'xlsx',
      file: Buffer.from('not an xlsx').toString('base64'),
    });
    // Assess
    expect(badHeader).toMatchObject({ status: 400, body: { error: { code: 'IMPORT_BAD_HEADER' } } });
    expect(badHeader.body.error.message).toContain('学校、指标、佐证材料、录入人');
    expect(locked).toMatchObject({ status: 409, body: { error: { code: 'ROUND_LOCKED' } } });
    expect(garbage).toMatchObject({ status: 400, body: { error: { code: 'IMPORT_UNREADABLE' } } });
  });

  it('refuses more than one transaction of changes from one file, and takes the file split in two', async () => {
    // Prepare: 济南 with 社会认可 scored by hand too: 24 × 5 = 120 manual scores.
    const jinan = EVALUATION_TEMPLATES.find((t) => t.id === 'jinan-shizhong')!;
    const system = {
      ...jinan,
      dimensions: jinan.dimensions.map((d) => ({ ...d, indicators: d.indicators.map((i) => ({ ...i, source: { kind: 'manual' } })) })),
    };
    const created = await admin.call('POST', '/api/admin/rounds', { districtId: 'jinan-shizhong', name: '五项人工', system });
    const roundId = created.body.id as string;
    const rows = filledRows(await template(roundId));
    // Act
    const previewed = await importFile(roundId, await scoreWorkbook(rows), false);
    const whole = await importFile(roundId, await scoreWorkbook(rows), true);
    const afterWhole = await stored(roundId);
    const first = await importFile(roundId, await scoreWorkbook(rows.slice(0, 60)), true);
    const second = await importFile(roundId, await scoreWorkbook(rows.slice(60)), true);
    // Assess
    expect(rows).toHaveLength(120);
    // Said at the preview already, before the admin confirms.
    expect(previewed).toMatchObject({ status: 400, body: { error: { code: 'IMPORT_TOO_MANY_CHANGES' } } });
    expect(whole).toMatchObject({ status: 400, body: { error: { code: 'IMPORT_TOO_MANY_CHANGES' } } });
    expect(whole.body.error.message).toBe('本次有 120 条分数要写入，一次最多 99 条：请按维度拆分文件，分次导入');
    expect(afterWhole).toEqual([]);
    expect([first.body.applied, second.body.applied]).toEqual([true, true]);
    expect(await stored(roundId)).toHaveLength(120);
  });

  it('writes nothing when the round locks or a score changes between reading and writing (AP120)', async () => {
    // Prepare: two rounds with a score each; one is then locked, in the other the score is re-entered.
    const repo = core.infra.evaluations;
    const lockedId = await newRound('写入时锁定');
    const changedId = await newRound('写入时改动');
    const item = (schoolId: string, score: number, enteredAt: string) => ({
      kind: 'manual-score' as const,
      schoolId,
      dimensionId: 'school',
      indicatorId: 'overall',
      score,
      evidence: '督导报告',
      enteredBy: '王主任',
      enteredAt,
    });
    await repo.putManualScore(changedId, item('jn-jingwulu-ps', 70, '2026-11-01T00:00:00.000Z'));
    await repo.lockRound(lockedId, '{}', 'test', '2026-11-02T00:00:00.000Z');
    // Act
    const onLocked = await repo.putManualScores(lockedId, [{ score: item('jn-jingwei-ps', 80, 'now'), replaces: null }]);
    const onChanged = await repo.putManualScores(changedId, [
      { score: item('jn-jingwei-ps', 80, 'now'), replaces: null },
      { score: item('jn-jingwulu-ps', 90, 'now'), replaces: '2026-10-01T00:00:00.000Z' },
    ]);
    // Assess
    expect(onLocked).toBe('round-locked');
    expect(await stored(lockedId)).toEqual([]);
    expect(onChanged).toBe('changed-meanwhile');
    expect((await stored(changedId)).map((s) => [s.schoolId, s.score])).toEqual([['jn-jingwulu-ps', 70]]);
  });
});
