import type { GroupFlags } from '../../../shared';

/** Scores are 0–100 and shown with one decimal; a missing score is a dash, never 0. */
export const scoreText = (score: number | null | undefined) => (score === null || score === undefined ? '—' : score.toFixed(1));

/** The warnings that travel with a group's total. */
export function flagTexts(flags: GroupFlags): string[] {
  return [...(flags.incomplete ? ['数据不完整'] : []), ...(flags.recognitionBelowBar ? ['社会认可度低于 85%'] : [])];
}

/** 增值 against the previous round: "较上轮 +3.2 分，名次上升 1 位", or that there is nothing to compare. */
export function changeText(change: { delta: number | null; rankChange: number | null }): string {
  if (change.delta === null) return '无上轮可比';
  const sign = change.delta > 0 ? '+' : '';
  const rank = change.rankChange ? `，名次${change.rankChange > 0 ? '上升' : '下降'} ${Math.abs(change.rankChange)} 位` : '，名次不变';
  return `较上轮 ${sign}${change.delta.toFixed(1)} 分${change.rankChange === null ? '' : rank}`;
}

/** A dimension fed only by admins' entries is 未录入 when missing; one with survey data, 数据不足. */
export const missingLabelOf = (dimension: { indicators: Array<{ source: { kind: string } }> }) =>
  dimension.indicators.some((i) => i.source.kind === 'survey') ? '数据不足' : '未录入';
