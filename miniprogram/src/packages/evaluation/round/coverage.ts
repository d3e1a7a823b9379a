import type { RoundReport } from '../../../../../shared';

/** One indicator and the schools that lack its score. */
export interface MissingIndicator {
  key: string;
  label: string;
  source: 'manual' | 'survey';
  schools: string[];
}

/** What is missing where, school × indicator, for the confirm step before locking and publishing. */
export interface CoverageSummary {
  schools: number;
  indicators: number;
  /** School × indicator cells without a score. */
  missingCells: number;
  byIndicator: MissingIndicator[];
  /** Schools without 在校家庭数 (their group's bundled score needs it). */
  noEnrollment: string[];
}

/** Pure over the report, so the page and its tests read the same numbers. */
export function coverageSummary(report: RoundReport): CoverageSummary {
  const indicators = report.system.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({ key: `${d.id}/${i.id}`, label: `${d.name}·${i.name}`, source: i.source.kind })),
  );
  const byIndicator = indicators
    .map((i) => ({
      ...i,
      schools: report.schools.filter((s) => (s.indicators[i.key]?.score ?? null) === null).map((s) => s.name),
    }))
    .filter((i) => i.schools.length > 0);
  const name = (id: string) => report.schools.find((s) => s.id === id)?.name ?? id;
  const noEnrollment = [
    ...new Set(report.groups.flatMap((g) => g.total.missing.flatMap((m) => (m.kind === 'enrollment' ? [name(m.schoolId)] : [])))),
  ];
  return {
    schools: report.schools.length,
    indicators: indicators.length,
    missingCells: byIndicator.reduce((n, i) => n + i.schools.length, 0),
    byIndicator,
    noEnrollment,
  };
}

/** A list of names cut to a few, with how many more. */
export const someOf = (names: string[], shown = 5) =>
  names.slice(0, shown).join('、') + (names.length > shown ? ` 等 ${names.length} 所` : '');

/** One line: 24 所学校 × 5 个指标，缺 20 项 / 全部齐全. */
export function coverageHeadline(summary: CoverageSummary): string {
  const cells = summary.schools * summary.indicators;
  if (summary.missingCells === 0 && summary.noEnrollment.length === 0)
    return `${summary.schools} 所学校 × ${summary.indicators} 个指标，共 ${cells} 项，全部齐全`;
  const parts = [
    summary.missingCells ? `缺 ${summary.missingCells} 项分数` : '',
    summary.noEnrollment.length ? `${summary.noEnrollment.length} 所学校缺在校家庭数` : '',
  ]
    .filter(Boolean)
    .join('，');
  return `${summary.schools} 所学校 × ${summary.indicators} 个指标，共 ${cells} 项：${parts}`;
}
