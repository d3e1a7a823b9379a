import type { createCore } from '../../functions/src/core';
import { SurveyService } from '../../functions/src/features/surveys/survey-service';
import { boundParent } from '../../functions/tests/integration/surveys/bound-parent';
import type { TestClient } from './api-client';
import { satisfactionAnswers, templateSurvey } from './surveys';

export const JINGWU_SCHOOLS = ['jn-jingwulu-ps', 'jn-jingwei-ps', 'jn-jingbalu-ps'];
/** The 济南 template's manual dimensions (each with one indicator, `overall`). */
export const MANUAL_DIMENSIONS = ['school', 'teacher', 'student', 'potential'];

/**
 * 经五's parents answer a satisfaction survey (all 满意 at 经五路, all 不满意 at 经纬, 4 of 5
 * satisfied at 经八路, so 社会认可 is 100 / 0 / 80) and the schools' enrolments are 600 / 300 /
 * 100. Returns helpers for rounds of the 济南 template fed by that survey.
 */
export async function prepareJingwuEvaluation(core: ReturnType<typeof createCore>, admin: TestClient) {
  const surveys = new SurveyService(core.infra);
  const surveyId = (await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'test', { minN: 5 }))
    .id;
  let n = 0;
  const answer = async (schoolId: string, values: number[]) => {
    for (const v of values)
      await surveys.submit(await boundParent(core, `p-${n++}`, schoolId), surveyId, { schoolId, answers: satisfactionAnswers(v) });
  };
  await answer('jn-jingwulu-ps', [4, 4, 4, 4, 4]);
  await answer('jn-jingwei-ps', [1, 1, 1, 1, 1]);
  // 4 of 5 认可 under the default strict rule (满意, 比较满意 count; 基本满意 would not).
  await answer('jn-jingbalu-ps', [4, 3, 4, 1, 4]);
  for (const [schoolId, families] of [
    ['jn-jingwulu-ps', 600],
    ['jn-jingwei-ps', 300],
    ['jn-jingbalu-ps', 100],
  ] as const) {
    await admin.call('PUT', `/api/admin/schools/${schoolId}/enrollment`, { families });
  }
  const newRound = async (name: string, previousRoundId: string | null = null) =>
    (
      await admin.call('POST', '/api/admin/rounds', {
        districtId: 'jinan-shizhong',
        name,
        templateId: 'jinan-shizhong',
        surveyIds: [surveyId],
        previousRoundId,
      })
    ).body.id as string;
  const score = (roundId: string, schoolId: string, dimensionId: string, value: number) =>
    admin.call('PUT', `/api/admin/rounds/${roundId}/scores`, {
      schoolId,
      dimensionId,
      indicatorId: 'overall',
      score: value,
      evidence: '督导报告第 3 页',
      enteredBy: '王主任',
    });
  const scoreAll = async (roundId: string, value: number) => {
    for (const schoolId of JINGWU_SCHOOLS) for (const d of MANUAL_DIMENSIONS) await score(roundId, schoolId, d, value);
  };
  return { surveyId, newRound, score, scoreAll };
}

/** The manual-score template of a round, as the API answers it (a file endpoint: not JSON). */
export async function downloadScoreTemplate(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  token: string,
  roundId: string,
): Promise<Buffer> {
  const res = await app.request(`/api/admin/rounds/${roundId}/scores/template`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`template: ${res.status} ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The first sheet's rows below the header, as text (学校, 指标, 分数, 佐证材料, 录入人). */
export async function sheetRows(file: Buffer): Promise<string[][]> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(file as never);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

/** An XLSX as an office worker saves it: the template's header, then the rows as given (numbers stay numbers). */
export async function scoreWorkbook(rows: Array<Array<string | number>>): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet('人工评分');
  sheet.addRow(['学校', '指标', '分数', '佐证材料', '录入人']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every template row filled: a score per row from `scoreOf` (row index), with evidence and 录入人. */
export const filledRows = (template: string[][], scoreOf: (k: number) => number | string = (k) => 60 + (k % 40)) =>
  template.map(([school, indicator], k) => [school, indicator, scoreOf(k), `2026 年秋季督导报告第 ${k + 1} 页`, '王主任']);

export const importBody = (file: Buffer, apply: boolean) => ({ format: 'xlsx', file: file.toString('base64'), apply });
