import type { ApiResponse } from '../../../../../shared';

type Results = ApiResponse<'GET /api/admin/surveys/:id/results'>;

/** The 70 % line of docs/scoring.md: below it a school's results are weakly representative. */
export const TARGET_RATE = 0.7;

export interface SchoolProgress {
  id: string;
  name: string;
  /** Valid returns; null where the count is 样本不足 (it could identify a respondent). */
  valid: number | null;
  families: number | null;
  /** 0–1; null without a usable 在校家庭数 or with a hidden count. */
  rate: number | null;
  /** below: under 70 %; reached: at or above; unknown: no rate to compare. */
  standing: 'below' | 'reached' | 'unknown';
  /** What the row says instead of a rate when there is none. */
  note: string;
}

/** The schools of a survey's results, lowest rate first (the ones to remind), unknown ones last. */
export function schoolProgress(results: Results): SchoolProgress[] {
  const rows = results.units
    .filter((u) => u.level === 'school')
    .map((unit): SchoolProgress => {
      const { responses } = unit;
      if (responses.suppressed)
        return { id: unit.id, name: unit.name, valid: null, families: null, rate: null, standing: 'unknown', note: '样本不足' };
      const { rate } = responses;
      const note = rate.status === 'no-enrollment' ? '未填写在校家庭数' : rate.status === 'enrollment-wrong' ? '在校家庭数有误' : '';
      const standing = rate.rate === null ? 'unknown' : rate.rate < TARGET_RATE ? 'below' : 'reached';
      return { id: unit.id, name: unit.name, valid: rate.valid, families: rate.enrolledFamilies, rate: rate.rate, standing, note };
    });
  const order = { below: 0, unknown: 1, reached: 2 } as const;
  return rows.sort((a, b) => order[a.standing] - order[b.standing] || (a.rate ?? 0) - (b.rate ?? 0) || a.name.localeCompare(b.name, 'zh'));
}

/** "有效回收 123 / 在校家庭数 200（61.5%）", or the row's note. */
export function progressText(row: SchoolProgress): string {
  if (row.rate === null) return row.valid === null ? row.note : `有效回收 ${row.valid} 份 · ${row.note}`;
  return `有效回收 ${row.valid} / 在校家庭数 ${row.families}（${(row.rate * 100).toFixed(1)}%）`;
}
