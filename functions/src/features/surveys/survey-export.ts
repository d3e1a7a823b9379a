import { addSafeRow } from '../../spreadsheet/safe-text';
import type { Question, SurveyDefinition, SurveyResults } from '../../../../shared';
import { cellKey, unitKey } from './domain/disclosure/published-table';
import { surveyBlocks } from './domain/disclosure/survey-blocks';
import { schoolsAsPublished } from './domain/as-published';
import type { ResponseItem } from './survey-items';

const HIDDEN = '样本不足';
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 1000) / 10);
const round = (x: number | null | undefined) => (x === null || x === undefined ? '' : Math.round(x * 10) / 10);

/** An exported answer sheet: the school and its answers, no day (a day can point to a person at a small school). */
export interface ExportRow {
  schoolId: string;
  answers: Record<string, string[]>;
}

/** A school's hidden cells: its rows would publish each of them. */
export const hiddenCellsOf = (questions: Question[], hidden: ReadonlySet<string>, schoolId: string) =>
  surveyBlocks(questions)
    .map((b) => cellKey(unitKey('school', schoolId), b.id))
    .filter((cell) => hidden.has(cell));

/**
 * The answer sheets the export may carry (issue 11 §2): only of schools where every cell is
 * shown (a school hidden on one question exports none: its rows would rebuild that cell), and
 * only when the school's stored responses are exactly its published snapshot (they tally to its
 * frozen counters), so the rows never say more than the screen, nor what arrived since. Ordered
 * by school and answers, not by arrival.
 */
export function exportableRows(
  questions: Question[],
  published: { counts: ReadonlyMap<string, ReadonlyMap<string, number>>; hidden: ReadonlySet<string>; schoolIds: string[] },
  responses: ResponseItem[],
): ExportRow[] {
  const asPublished = schoolsAsPublished(questions, responses, published.counts);
  const rows: ExportRow[] = [];
  for (const schoolId of published.schoolIds.filter((id) => hiddenCellsOf(questions, published.hidden, id).length === 0)) {
    const own = responses.filter((r) => r.schoolId === schoolId);
    if (own.length > 0 && !asPublished.has(schoolId)) continue;
    rows.push(...own.map((r) => ({ schoolId, answers: r.answers })));
  }
  const text = (r: ExportRow) => JSON.stringify(questions.map((q) => r.answers[q.id] ?? []));
  return rows.sort((a, b) => a.schoolId.localeCompare(b.schoolId) || text(a).localeCompare(text(b)));
}

/**
 * The XLSX export: 汇总 (the results as the API shows them, from the same snapshot and audited
 * plan, 样本不足 included), 题目, 答卷 (exportableRows: school and answers, no day) and 文字意见
 * (the free texts exactly as the results publish them: released with their snapshot, visible
 * only, sorted by text, no school and no day; 样本不足 while the district's count is hidden).
 */
export async function surveyWorkbook(definition: SurveyDefinition, results: SurveyResults, rows: ExportRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '集团化办学';
  const scored = definition.questions.filter((q) => q.type === 'likert');

  const summary = book.addWorksheet('汇总');
  const snapshot = results.snapshot;
  addSafeRow(summary, [
    `数据截至 ${snapshot?.takenAt ?? '—'}（第 ${snapshot?.version ?? 0} 版）`,
    `认可口径：${results.recognition.label}`,
  ]);
  addSafeRow(summary, ['层级', '名称', '答卷数', '有效回收率(%)', ...scored.flatMap((q) => [`${q.id} 指数`, `${q.id} 认可率(%)`])]).font = {
    bold: true,
  };
  for (const unit of results.units) {
    const level = { district: '区县', group: '集团', school: '学校' }[unit.level];
    const responsesCell = unit.responses.suppressed ? HIDDEN : unit.responses.n;
    const rateCell = unit.responses.suppressed ? HIDDEN : (unit.responses.rate.label ?? pct(unit.responses.rate.rate));
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

  const counted = definition.questions.filter((q) => q.type !== 'text');
  const sheet = book.addWorksheet('答卷');
  addSafeRow(sheet, ['学校', ...counted.map((q) => q.id)]).font = { bold: true };
  for (const r of rows) addSafeRow(sheet, [r.schoolId, ...counted.map((q) => (r.answers[q.id] ?? []).join(','))]);

  const asked = definition.questions.filter((q) => q.type === 'text');
  if (asked.length > 0) {
    const texts = book.addWorksheet('文字意见');
    addSafeRow(texts, ['编号', '题目', '文字意见']).font = { bold: true };
    for (const q of asked) {
      const cell = results.texts[q.id];
      if (!cell || cell.suppressed) addSafeRow(texts, [q.id, q.title, HIDDEN]);
      else for (const text of cell.items) addSafeRow(texts, [q.id, q.title, text]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
