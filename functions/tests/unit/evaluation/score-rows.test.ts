import { checkScoreRows, parseScore, type ScoreRow, type ScoreRowContext } from '../../../src/features/evaluation/domain/score-rows';

const context = (stored: ScoreRowContext['stored'] = []): ScoreRowContext => ({
  schools: [
    { id: 'a', name: '济南市经五路小学', aliases: ['经五路小学'] },
    { id: 'b', name: '济南市经纬小学' },
    { id: 'c', name: '育英中学' },
    { id: 'd', name: '育英中学' },
  ],
  indicators: [
    { dimensionId: 'school', indicatorId: 'overall', label: '学校发展·学校发展综合评价', manual: true },
    { dimensionId: 'recognition', indicatorId: 'satisfaction', label: '社会认可·家长满意率', manual: false },
  ],
  stored,
  foreignSchools: new Set(['青岛滨海学校']),
});
let n = 1;
const row = (school: string, indicator: string, score: string, evidence = '督导报告', enteredBy = '王主任'): ScoreRow => ({
  row: ++n,
  cells: { school, indicator, score, evidence, enteredBy },
});
const messages = (rows: ScoreRow[], ctx = context()) =>
  checkScoreRows(rows, ctx).issues.map((i) => `第 ${i.row} 行 ${i.column}：${i.message}`);

beforeEach(() => {
  n = 1;
});

describe('parseScore', () => {
  it.each([
    ['85', 85],
    ['85.5', 85.5],
    ['０', 0],
    ['１００', 100],
    ['85,25', 85.25],
    [' 90 分', 90],
  ])('reads %s as %s', (text, value) => {
    expect(parseScore(text)).toBe(value);
  });

  it.each([
    ['', '请填写分数'],
    ['120', '须在 0–100 之间'],
    ['-5', '须在 0–100 之间'],
    ['八十', '须为数字，最多两位小数（如 85 或 85.5）'],
    ['85.555', '须为数字，最多两位小数（如 85 或 85.5）'],
    ['=A1', '须为数字，最多两位小数（如 85 或 85.5）'],
  ])('refuses %j: %s', (text, message) => {
    expect(parseScore(text)).toBe(message);
  });
});

describe('checkScoreRows', () => {
  it('finds a school by its full name, an alias or its id, and an indicator by its label or key', () => {
    // Prepare
    const rows = [row('济南市经五路小学', '学校发展·学校发展综合评价', '80'), row('b', 'school/overall', '70')];
    // Act
    const checked = checkScoreRows(rows, context());
    // Assess
    expect(checked.issues).toEqual([]);
    expect(checked.writes.map((w) => [w.schoolId, w.dimensionId, w.score])).toEqual([
      ['a', 'school', 80],
      ['b', 'school', 70],
    ]);
    expect(checkScoreRows([row('经五路小学', '学校发展·学校发展综合评价', '80')], context()).writes[0].schoolId).toBe('a');
  });

  it('says what is wrong with each cell, row by row', () => {
    // Prepare
    const rows = [
      row('', '学校发展·学校发展综合评价', '80'),
      row('育英中学', '学校发展·学校发展综合评价', '80'),
      row('青岛滨海学校', '学校发展·学校发展综合评价', '80'),
      row('济南市经纬小学', '学校发展', '80'),
      row('济南市经纬小学', '社会认可·家长满意率', '80'),
      row('济南市经纬小学', '学校发展·学校发展综合评价', '101', '', 'x'.repeat(31)),
    ];
    // Act
    const found = messages(rows);
    // Assess
    expect(found).toEqual([
      '第 2 行 学校：请填写学校',
      '第 3 行 学校：本区有 2 所学校叫“育英中学”，请改填学校编号',
      '第 4 行 学校：“青岛滨海学校”不是本区学校，无权录入',
      '第 5 行 指标：本轮没有指标“学校发展”，请按模板填写',
      '第 6 行 指标：“社会认可·家长满意率”取自问卷结果，不能导入分数',
      '第 7 行 分数：须在 0–100 之间',
      '第 7 行 佐证材料：请填写佐证材料',
      '第 7 行 录入人：不超过 30 字',
    ]);
  });

  it('refuses a second row for the same school and indicator, naming the first', () => {
    // Prepare: the alias and the full name are one school.
    const rows = [row('济南市经五路小学', '学校发展·学校发展综合评价', '80'), row('经五路小学', 'school/overall', '90')];
    // Act
    const found = messages(rows);
    // Assess
    expect(found).toEqual(['第 3 行 指标：与第 2 行重复（同一学校同一指标只能有一行）']);
  });

  it('skips a template row left blank, and writes only what differs from the stored scores', () => {
    // Prepare
    const stored = [
      { schoolId: 'a', dimensionId: 'school', indicatorId: 'overall', score: 80, evidence: '督导报告', enteredBy: '王主任' },
      { schoolId: 'b', dimensionId: 'school', indicatorId: 'overall', score: 60, evidence: '督导报告', enteredBy: '王主任' },
    ];
    const rows = [
      row('济南市经五路小学', '学校发展·学校发展综合评价', '80'),
      row('济南市经纬小学', '学校发展·学校发展综合评价', '65'),
      row('育英中学', '学校发展·学校发展综合评价', '', '', ''),
    ];
    // Act
    const checked = checkScoreRows(rows, context(stored));
    // Assess: the blank row is not an error, although its school's name is ambiguous.
    expect(checked).toMatchObject({ issues: [], skipped: 1, added: 0, updated: 1, unchanged: 1 });
    expect(checked.writes).toEqual([{ ...stored[1], score: 65 }]);
  });
});
