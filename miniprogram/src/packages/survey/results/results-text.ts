import type { Question, QuestionResult, ResponseRate, SnapshotInfo, UnitResult } from '../../../../../shared';
import { beijingTime } from '../../../utils/time';

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

/** Which published snapshot the page shows: the figures change only when a new one is taken. */
export function snapshotText(snapshot: SnapshotInfo | null): string {
  if (!snapshot || snapshot.takenAt === null) return '尚未发布数据：还没有学校达到最少答卷数';
  const total = snapshot.responses === null ? '总份数样本不足' : `共 ${snapshot.responses} 份`;
  return `数据截至 ${beijingTime(snapshot.takenAt)}，${total}`;
}

/**
 * Valid returns over 在校家庭数; a group or the district counts only the schools with a usable
 * enrolment that are themselves shown, so it names how many of its schools that is.
 */
export function returnRateText(level: UnitResult['level'], rate: ResponseRate): string {
  const { coveredSchools, schools } = rate.coverage;
  // No shown school has its 在校家庭数: the server counts no returns then, so none are claimed here.
  if (level !== 'school' && rate.status === 'no-enrollment' && coveredSchools === 0)
    return `有效回收率：暂无（${schools} 所学校均未填写在校家庭数）`;
  const figure =
    rate.status === 'enrollment-wrong'
      ? '在校家庭数有误'
      : rate.status === 'no-enrollment'
        ? '未填写在校家庭数'
        : `有效回收率 ${percent(rate.rate)}${rate.low ? '（低于 70%）' : ''}`;
  const coverage = level === 'school' ? '' : `（按 ${coveredSchools}/${schools} 所学校计算）`;
  return `有效答卷 ${rate.valid} 份，${figure}${coverage}`;
}

/** One question's figure, with the n it stands on (people, not ticks, for multiple choice). */
export function questionText(result: QuestionResult, question: Question | undefined): string {
  switch (result.type) {
    case 'likert':
      return `指数 ${result.index.index?.toFixed(1) ?? '—'}，满意率 ${percent(result.satisfaction.rate)}${result.meetsThreshold === false ? '（低于 85%）' : ''}，n = ${result.n}`;
    case 'nps':
      return `NPS ${result.nps.nps ?? '—'}，n = ${result.nps.n}`;
    case 'single':
      return `${optionsText(result.distribution, question)}，n = ${result.n}`;
    case 'multiple':
      return `${optionsText(result.distribution, question)}，n = ${result.n} 人（可多选）`;
  }
}

/** Ticks per option, by the option's label (the counts are keyed by option id). */
function optionsText(distribution: Record<string, number>, question: Question | undefined): string {
  const options = question && (question.type === 'single' || question.type === 'multiple') ? question.options : [];
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  return Object.entries(distribution)
    .map(([id, count]) => `${label(id)} ${count}`)
    .join('，');
}
