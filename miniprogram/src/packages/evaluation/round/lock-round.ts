import type { RoundCoverage } from '../../../../../shared';
import type { CoverageSummary } from './coverage';

const INDICATORS_NAMED = 3;

/** 缺分数：学校发展·综合 缺 3 所、教师发展·综合 缺 1 所；在校家庭数缺 2 所. */
export function missingNamed(summary: CoverageSummary): string {
  const named = summary.byIndicator.slice(0, INDICATORS_NAMED).map((i) => `${i.label} 缺 ${i.schools.length} 所`);
  const more = summary.byIndicator.length > INDICATORS_NAMED ? ` 等 ${summary.byIndicator.length} 个指标` : '';
  return [
    named.length ? `缺分数：${named.join('、')}${more}` : '',
    summary.noEnrollment.length ? `在校家庭数缺 ${summary.noEnrollment.length} 所` : '',
  ]
    .filter(Boolean)
    .join('；');
}

/**
 * The lock dialog's text: what freezes, and, when data is missing, what is missing where
 * (groups, then indicators with how many schools lack each; the page lists every school).
 */
export function lockConfirmText(coverage: RoundCoverage, summary?: CoverageSummary): string {
  const frozen = '锁定后分数和报告将冻结，不能再修改。';
  if (coverage.complete) return `${frozen}${summary ? `${summary.schools} 所学校 × ${summary.indicators} 个指标全部齐全。` : ''}确定锁定？`;
  const groups = coverage.groups.incomplete.map((g) => g.name);
  const shown = groups.slice(0, 3).join('、') + (groups.length > 3 ? ` 等 ${groups.length} 个集团` : '');
  const missing = summary ? missingNamed(summary) : '';
  return (
    `${frozen}数据不完整：${coverage.groups.ranked}/${coverage.groups.total} 个集团、` +
    `${coverage.schools.ranked}/${coverage.schools.total} 所学校有完整总分` +
    `${groups.length ? `（缺：${shown}）` : ''}${missing ? `。${missing}（明细见页面“数据完整性”）` : ''}，其余将以“数据不完整”锁定且不参与排名。仍要锁定？`
  );
}

/**
 * The publish dialog's text: what the public will see, and what of it is missing (a locked
 * round's gaps stay: those groups read 数据不完整 on their page).
 */
export function publishConfirmText(coverage: RoundCoverage, summary: CoverageSummary, parts: string[]): string {
  const what = `公开后家长可在各集团页面看到：${parts.join('、') || '（未选择任何内容）'}。`;
  if (coverage.complete) return `${what}全部学校和集团数据完整。确定公开？`;
  return (
    `${what}本轮有 ${coverage.groups.incomplete.length} 个集团数据不完整（${missingNamed(summary)}），` +
    '这些集团的页面将显示“数据不完整”，不显示总分。仍要公开？'
  );
}
