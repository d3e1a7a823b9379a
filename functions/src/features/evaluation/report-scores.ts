import {
  SCORE_PLACES,
  type GroupReport,
  type IndicatorResult,
  type IndicatorSystem,
  type RankChange,
  type RankingCoverage,
  type RoundReport,
  type SchoolReport,
  type ScoreView,
} from '../../../../shared';
import { fixedToNumber, fromDecimal, roundHalfUp, type Fixed, type Rational } from './domain/exact-decimal';
import {
  completeBundledScore,
  completeWeightedScore,
  publishedChanges,
  publishScore,
  rankPublished,
  type ExactScore,
} from './domain/exact-scores';
import { exactSurveyIndicator, type ShownLikert } from './domain/exact-survey-indicator';

export const indicatorKey = (dimensionId: string, indicatorId: string) => `${dimensionId}/${indicatorId}`;

/** What a round's scores are computed from, read by evaluation-report.ts. */
export interface ReportInputs {
  system: IndicatorSystem;
  schools: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string; schoolIds: string[] }>;
  /** Keyed `schoolId|dimensionId/indicatorId`. */
  manual: Map<string, { score: number; evidence: string; enteredBy: string }>;
  /** Per survey, per school: its likert questions as the results show them. */
  likerts: Map<string, Map<string, ShownLikert[]>>;
  enrollment: Map<string, number | null>;
  /** The previous round's report (as locked, or as it stands), for 增值. */
  previous: Pick<RoundReport, 'schools' | 'groups'> | null;
}

const NO_CHANGE: RankChange = { rank: null, previousScore: null, delta: null, rankChange: null };

/** What is shown of an exact score: its value rounded once at the published precision, or 数据不完整 with what is missing. */
function view(score: ExactScore): ScoreView {
  const published = publishScore(score);
  return { score: published === null ? null : fixedToNumber(published), complete: published !== null, missing: score.missing };
}

/** A stored score as its published value: a report locked before issue 11 kept unrounded floats. */
const publishedOf = (score: number | null): Fixed | null => (score === null ? null : roundHalfUp(fromDecimal(score), SCORE_PLACES));

interface SchoolScores {
  report: Omit<SchoolReport, keyof RankChange>;
  dimensions: Map<string, ExactScore>;
  total: ExactScore;
}

function schoolScores(inputs: ReportInputs, school: { id: string; name: string }): SchoolScores {
  const indicators: Record<string, IndicatorResult> = {};
  const dimensions = new Map<string, ExactScore>();
  for (const d of inputs.system.dimensions) {
    const parts = d.indicators.map((i) => {
      const key = indicatorKey(d.id, i.id);
      let exact: Rational | null;
      if (i.source.kind === 'manual') {
        const m = inputs.manual.get(`${school.id}|${key}`);
        exact = m ? fromDecimal(m.score) : null;
        indicators[key] = m
          ? { score: m.score, source: 'manual', evidence: m.evidence, enteredBy: m.enteredBy }
          : { score: null, source: 'manual' };
      } else {
        const questions = i.source.surveyIds.flatMap((id) => inputs.likerts.get(id)?.get(school.id) ?? []);
        const result = exactSurveyIndicator(questions, i.source.dimensions, i.source.measure);
        exact = result.value;
        indicators[key] = {
          score: exact === null ? null : fixedToNumber(roundHalfUp(exact, SCORE_PLACES)),
          source: 'survey',
          meetsRecognitionBar: result.meetsRecognitionBar,
        };
      }
      return { id: key, kind: 'indicator' as const, weight: i.weight, score: exact };
    });
    dimensions.set(d.id, completeWeightedScore(parts));
  }
  const total = completeWeightedScore(
    inputs.system.dimensions.map((d) => ({ id: d.id, kind: 'dimension' as const, weight: d.weight, score: dimensions.get(d.id)!.value })),
  );
  const report = {
    id: school.id,
    name: school.name,
    indicators,
    dimensions: Object.fromEntries([...dimensions].map(([id, score]) => [id, view(score)])),
    total: view(total),
  };
  return { report, dimensions, total };
}

function groupReport(
  inputs: ReportInputs,
  group: ReportInputs['groups'][number],
  bySchool: Map<string, SchoolScores>,
): Omit<GroupReport, keyof RankChange> {
  const schoolIds = [...group.schoolIds].sort();
  const bundle = (pick: (s: SchoolScores) => ExactScore) =>
    completeBundledScore(
      schoolIds.map((id) => {
        const school = bySchool.get(id);
        return { schoolId: id, enrollment: inputs.enrollment.get(id) ?? null, score: school ? pick(school).value : null };
      }),
    );
  const total = bundle((s) => s.total);
  const recognition = schoolIds.flatMap((id) => Object.values(bySchool.get(id)?.report.indicators ?? {}).map((i) => i.meetsRecognitionBar));
  return {
    id: group.id,
    name: group.name,
    schoolIds,
    dimensions: Object.fromEntries(inputs.system.dimensions.map((d) => [d.id, view(bundle((s) => s.dimensions.get(d.id)!))])),
    total: view(total),
    flags: {
      incomplete: total.value === null || schoolIds.some((id) => bySchool.get(id)?.total.value == null),
      recognitionBelowBar: recognition.some((flag) => flag === false),
    },
  };
}

/**
 * Ranks and 增值 on published values only: units shown equal share a rank, units without a
 * score are not ranked, and 增值 is the difference a reader subtracting the two shown values gets.
 */
function ranked<T extends { id: string; name: string; total: ScoreView }>(
  units: T[],
  previous: Array<{ id: string; total: { score: number | null } }>,
): { units: Array<T & RankChange>; coverage: RankingCoverage } {
  const current = units.map((u) => ({ id: u.id, published: publishedOf(u.total.score) }));
  const changes = new Map(
    publishedChanges(
      current,
      previous.map((p) => ({ id: p.id, published: publishedOf(p.total.score) })),
    ).map((c) => [c.id, c]),
  );
  const ranking = rankPublished(current);
  return {
    units: units.map((u) => {
      const c = changes.get(u.id);
      if (!c) return { ...u, ...NO_CHANGE };
      return {
        ...u,
        rank: c.rank,
        previousScore: c.previous === null ? null : fixedToNumber(c.previous),
        delta: c.delta === null ? null : fixedToNumber(c.delta),
        rankChange: c.rankChange,
      };
    }),
    coverage: {
      ranked: ranking.of,
      total: units.length,
      incomplete: units.filter((u) => ranking.unranked.includes(u.id)).map((u) => ({ id: u.id, name: u.name, missing: u.total.missing })),
    },
  };
}

/**
 * A round's scores, exact (docs/scoring.md): each school's indicators, dimensions and total, each
 * group's 捆绑 dimensions and total, with the monotone missing-data rule (a part missing makes
 * the whole 数据不完整, never re-weighted); ranks on published values among complete units only;
 * the coverage says what is missing where. Ordered by id, so the same data gives the same text.
 */
export function reportScores(inputs: ReportInputs): Pick<RoundReport, 'schools' | 'groups' | 'coverage'> {
  const bySchool = new Map([...inputs.schools].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => [s.id, schoolScores(inputs, s)] as const));
  const groups = [...inputs.groups].sort((a, b) => (a.id < b.id ? -1 : 1)).map((g) => groupReport(inputs, g, bySchool));
  const schools = ranked(
    [...bySchool.values()].map((s) => s.report),
    inputs.previous?.schools ?? [],
  );
  const groupRanks = ranked(groups, inputs.previous?.groups ?? []);
  return {
    schools: schools.units,
    groups: groupRanks.units,
    coverage: {
      complete: schools.coverage.incomplete.length === 0 && groupRanks.coverage.incomplete.length === 0,
      schools: schools.coverage,
      groups: groupRanks.coverage,
    },
  };
}
