import type { RoundCoverage } from '../../../../../shared';

/** The lock dialog's text: what freezes, and, when data is missing, what is missing where. */
export function lockConfirmText(coverage: RoundCoverage): string {
  const frozen = '锁定后分数和报告将冻结，不能再修改。';
  if (coverage.complete) return `${frozen}确定锁定？`;
  const groups = coverage.groups.incomplete.map((g) => g.name);
  const shown = groups.slice(0, 3).join('、') + (groups.length > 3 ? ` 等 ${groups.length} 个集团` : '');
  return (
    `${frozen}数据不完整：${coverage.groups.ranked}/${coverage.groups.total} 个集团、` +
    `${coverage.schools.ranked}/${coverage.schools.total} 所学校有完整总分` +
    `${groups.length ? `（缺：${shown}）` : ''}，其余将以“数据不完整”锁定且不参与排名。仍要锁定？`
  );
}
