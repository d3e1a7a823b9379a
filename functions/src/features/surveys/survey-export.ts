import { addSafeRow } from '../../spreadsheet/safe-text';
import type { SurveyDefinition, SurveyResults } from '../../../../shared';
import type { ResponseItem } from './survey-items';

const HIDDEN = '样本不足';
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 1000) / 10);
const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 10) / 10);

/**
 * The XLSX export: 汇总 (the results as the API shows them, 样本不足 included) and 答卷 (the
 * responses without any identifier: school, date, answers). Responses of a school whose count
 * is suppressed are left out: a few rows would tell who answered what.
 */
export async function surveyWorkbook(definition: SurveyDefinition, results: SurveyResults, responses: ResponseItem[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '集团化办学';
  const scored = definition.questions.filter((q) => q.type === 'likert');

  const summary = book.addWorksheet('汇总');
  addSafeRow(summary, ['层级', '名称', '答卷数', '回收率(%)', ...scored.flatMap((q) => [`${q.id} 指数`, `${q.id} 满意率(%)`])]).font = {
    bold: true,
  };
  for (const unit of results.units) {
    const level = { district: '区县', group: '集团', school: '学校' }[unit.level];
    const responsesCell = unit.responses.suppressed ? HIDDEN : unit.responses.n;
    const rateCell = unit.responses.suppressed ? HIDDEN : pct(unit.responses.rate.rate);
    const cells = scored.flatMap((q) => {
      const cell = unit.questions[q.id];
      if (!cell || cell.suppressed) return [HIDDEN, HIDDEN];
      return cell.type === 'likert' ? [round(cell.index.index), pct(cell.satisfaction.rate)] : ['', ''];
    });
    addSafeRow(summary, [level, unit.name, responsesCell, rateCell, ...cells]);
  }
  const questions = book.addWorksheet('题目');
  addSafeRow(questions, ['编号', '题目', '类型', '维度']).font = { bold: true };
  for (const q of definition.questions) addSafeRow(questions, [q.id, q.title, q.type, 'dimension' in q ? (q.dimension ?? '') : '']);

  const shownSchools = new Set(results.units.filter((u) => u.level === 'school' && !u.responses.suppressed).map((u) => u.id));
  const rows = book.addWorksheet('答卷');
  addSafeRow(rows, ['学校', '日期', ...definition.questions.filter((q) => q.type !== 'text').map((q) => q.id)]).font = { bold: true };
  for (const r of responses
    .filter((r) => shownSchools.has(r.schoolId))
    .sort((a, b) => a.schoolId.localeCompare(b.schoolId) || a.date.localeCompare(b.date))) {
    addSafeRow(rows, [
      r.schoolId,
      r.date,
      ...definition.questions.filter((q) => q.type !== 'text').map((q) => (r.answers[q.id] ?? []).join(',')),
    ]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
