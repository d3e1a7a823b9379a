import type { Question, QuestionResult, ResponseRate, SnapshotInfo, UnitResult } from '../../../../../shared';
import type { DistributionRow } from '../../../components/score-bars/DistributionBars';
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

const share = (count: number, base: number) => (base > 0 ? count / base : null);
const fixed = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(1));

/**
 * A likert question's headline: the index (0–100) with its 95 % interval, the satisfaction rate
 * (认可) and the n. The interval is said in words, since 区间 alone means nothing to most readers.
 */
export function likertSummary(result: Extract<QuestionResult, { type: 'likert' }>): string[] {
  const interval = result.index.ci95 ? `（95% 置信区间 ${fixed(result.index.ci95[0])}–${fixed(result.index.ci95[1])}）` : '';
  const low = result.meetsThreshold === false ? '，低于 85%' : '';
  return [
    `满意度指数 ${fixed(result.index.index)}${interval}`,
    `满意率 ${percent(result.satisfaction.rate)}${low}（绿色为计入认可的选项）`,
    `有效作答 ${result.n} 人${result.unknown > 0 ? `，另有 ${result.unknown} 人选“不了解”（不计入）` : ''}`,
  ];
}

/** A likert question's answers from most to least favourable, as shares of the n that counts. */
export function likertRows(result: Extract<QuestionResult, { type: 'likert' }>, question: Question | undefined): DistributionRow[] {
  const labels = question?.type === 'likert' ? question.labels : Object.keys(result.distribution).map((v) => v);
  const k = labels.length;
  return labels.map((label, i) => {
    // labels run from the most favourable (value k) to the least (value 1).
    const count = result.distribution[String(k - i)] ?? 0;
    // Green: the options the 认可 rule counts; red: the least favourable; amber between.
    const tone = i < (result.recognisedBoxes ?? 1) ? 'good' : i === k - 1 ? 'bad' : 'middle';
    return { id: String(k - i), label, count, share: share(count, result.n), tone };
  });
}

/** Single or multiple choice: one row per option; a multiple-choice share is of the respondents (ticks add up to more than 100 %). */
export function choiceRows(
  result: Extract<QuestionResult, { type: 'single' | 'multiple' }>,
  question: Question | undefined,
): DistributionRow[] {
  const options = question && (question.type === 'single' || question.type === 'multiple') ? question.options : [];
  const label = (id: string) => options.find((o) => o.id === id)?.label ?? id;
  return Object.entries(result.distribution).map(([id, count]) => ({ id, label: label(id), count, share: share(count, result.n) }));
}

/** NPS: promoters (9–10), passives (7–8), detractors (0–6), each with its share of n. */
export function npsRows(result: Extract<QuestionResult, { type: 'nps' }>): DistributionRow[] {
  const { n, promoters, passives, detractors } = result.nps;
  return [
    { id: 'promoters', label: '推荐者（9–10 分）', count: promoters, share: share(promoters, n), tone: 'good' },
    { id: 'passives', label: '中立者（7–8 分）', count: passives, share: share(passives, n), tone: 'middle' },
    { id: 'detractors', label: '贬损者（0–6 分）', count: detractors, share: share(detractors, n), tone: 'bad' },
  ];
}

/**
 * NPS in two lines: the score as published (at 0.1), then how it is made from the shares, so a
 * reader can check it against the bars below: "= 推荐者 56.3% − 贬损者 25.0%，答题 16 人".
 */
export function npsSummary(result: Extract<QuestionResult, { type: 'nps' }>): [string, string] {
  const { n, promoters, detractors, nps } = result.nps;
  return [
    `净推荐值 NPS ${nps === null ? '—' : String(nps)}`,
    `= 推荐者 ${percent(share(promoters, n))} − 贬损者 ${percent(share(detractors, n))}（范围 −100 至 100），答题 ${n} 人`,
  ];
}

/** How a choice question's n reads: people, and for multiple choice that shares are of them. */
export function choiceSummary(result: Extract<QuestionResult, { type: 'single' | 'multiple' }>): string {
  return result.type === 'multiple' ? `答题 ${result.n} 人（可多选，百分比按答题人数计，合计可超过 100%）` : `答题 ${result.n} 人`;
}
