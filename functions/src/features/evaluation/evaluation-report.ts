import type { IndicatorResult, RankChange, RoundReport, SurveyResults } from '../../../../shared';
import { bundledScore } from './domain/bundled-score';
import { rankChanges } from './domain/rank-change';
import { surveyIndicatorScore, type LikertCell } from './domain/survey-indicator';
import { weightedScore, type WeightedScore } from './domain/weighted-score';
import type { Infrastructure } from '../../infrastructure';
import type { EvaluationRepository, ManualScoreItem, RoundItem } from './evaluation-repository';
import type { SurveyItem } from '../surveys/survey-items';
import { resolveAudience } from '../surveys/survey-audience';
import { surveyResults } from '../surveys/survey-results';

type Deps = Pick<Infrastructure, 'catalog' | 'surveys'> & { evaluations: EvaluationRepository };

const indicatorKey = (dimensionId: string, indicatorId: string) => `${dimensionId}/${indicatorId}`;

/**
 * A survey's likert cells per school, as the results show them: a suppressed cell stays
 * suppressed (the indicator then says 数据不足), so an evaluation never sees more than the
 * results page does.
 */
export function schoolLikertCells(survey: Pick<SurveyItem, 'definition'>, results: SurveyResults): Map<string, LikertCell[]> {
  const perSchool = new Map<string, LikertCell[]>();
  for (const unit of results.units.filter((u) => u.level === 'school')) {
    perSchool.set(
      unit.id,
      survey.definition.questions.flatMap((q): LikertCell[] => {
        if (q.type !== 'likert') return [];
        const cell = unit.questions[q.id];
        if (!cell || cell.suppressed || cell.type !== 'likert')
          return [{ suppressed: true, dimension: q.dimension, index: null, satisfactionRate: null }];
        return [{ suppressed: false, dimension: q.dimension, index: cell.index.index, satisfactionRate: cell.satisfaction.rate }];
      }),
    );
  }
  return perSchool;
}

/** Likert cells per school for every survey the system uses. */
async function surveyCells(deps: Deps, surveyIds: string[]): Promise<Map<string, Map<string, LikertCell[]>>> {
  const bySurvey = new Map<string, Map<string, LikertCell[]>>();
  for (const surveyId of surveyIds) {
    const survey = await deps.surveys.getSurvey(surveyId);
    if (!survey) continue;
    const audience = await resolveAudience(deps.catalog, survey.definition.audience);
    const counters = await deps.surveys.readCounters(survey.id, survey.shards);
    bySurvey.set(surveyId, schoolLikertCells(survey, surveyResults(survey, audience, counters, new Map(), '')));
  }
  return bySurvey;
}

/**
 * A round's report: each school's indicators (manual or survey-fed), dimensions and total;
 * each group's bundled (enrolment-weighted) dimensions and total; ranks and 增值 against the
 * previous round. Pure over what it reads, and ordered, so the same data gives the same text.
 */
export async function roundReport(deps: Deps, round: RoundItem, withPrevious = true): Promise<RoundReport> {
  const { system } = round;
  const [schools, groups, memberships, manual] = await Promise.all([
    deps.catalog.listSchoolsOfDistrict(round.districtId),
    deps.catalog.listGroupsOfDistrict(round.districtId),
    deps.catalog.listMembershipsOfDistrict(round.districtId),
    deps.evaluations.listManualScores(round.id),
  ]);
  const manualBy = new Map<string, ManualScoreItem>(manual.map((m) => [`${m.schoolId}|${indicatorKey(m.dimensionId, m.indicatorId)}`, m]));
  const surveyIds = [
    ...new Set(system.dimensions.flatMap((d) => d.indicators.flatMap((i) => (i.source.kind === 'survey' ? i.source.surveyIds : [])))),
  ].sort();
  const cells = await surveyCells(deps, surveyIds);
  const enrollment = new Map(await Promise.all(schools.map(async (s) => [s.id, await deps.surveys.getEnrollment(s.id)] as const)));

  const schoolReports = [...schools]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((school) => {
      const indicators: Record<string, IndicatorResult> = {};
      const dimensions: Record<string, WeightedScore> = {};
      for (const d of system.dimensions) {
        for (const i of d.indicators) {
          const key = indicatorKey(d.id, i.id);
          if (i.source.kind === 'manual') {
            const m = manualBy.get(`${school.id}|${key}`);
            indicators[key] = m
              ? { score: m.score, source: 'manual', evidence: m.evidence, enteredBy: m.enteredBy }
              : { score: null, source: 'manual' };
          } else {
            const schoolCells = i.source.surveyIds.flatMap((id) => cells.get(id)?.get(school.id) ?? []);
            indicators[key] = { source: 'survey', ...surveyIndicatorScore(schoolCells, i.source.dimensions, i.source.measure) };
          }
        }
        dimensions[d.id] = weightedScore(
          d.indicators.map((i) => ({ weight: i.weight, score: indicators[indicatorKey(d.id, i.id)].score })),
        );
      }
      const total = weightedScore(system.dimensions.map((d) => ({ weight: d.weight, score: dimensions[d.id].score })));
      return { id: school.id, name: school.name, indicators, dimensions, total };
    });

  const byId = new Map(schoolReports.map((s) => [s.id, s]));
  const groupReports = [...groups]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((group) => {
      const schoolIds = memberships
        .filter((m) => m.groupId === group.id)
        .map((m) => m.schoolId)
        .sort();
      const bundle = (pick: (s: (typeof schoolReports)[number]) => number | null) =>
        bundledScore(
          schoolIds.map((id) => ({
            schoolId: id,
            enrollment: enrollment.get(id) ?? null,
            score: byId.get(id) ? pick(byId.get(id)!) : null,
          })),
        );
      const dimensions = Object.fromEntries(system.dimensions.map((d) => [d.id, bundle((s) => s.dimensions[d.id].score)]));
      const total = bundle((s) => s.total.score);
      const recognition = schoolIds.flatMap((id) => Object.values(byId.get(id)?.indicators ?? {}).map((i) => i.meetsRecognitionBar));
      return {
        id: group.id,
        name: group.name,
        schoolIds,
        dimensions,
        total,
        flags: {
          incomplete: !total.complete || schoolIds.some((id) => !byId.get(id)?.total.complete),
          recognitionBelowBar: recognition.some((flag) => flag === false),
        },
      };
    });

  const previous = withPrevious && round.previousRoundId ? await previousReport(deps, round.previousRoundId) : null;
  const schoolChanges = rankChanges(
    new Map(schoolReports.map((s) => [s.id, s.total.score])),
    new Map(previous?.schools.map((s) => [s.id, s.total.score]) ?? []),
  );
  const groupChanges = rankChanges(
    new Map(groupReports.map((g) => [g.id, g.total.score])),
    new Map(previous?.groups.map((g) => [g.id, g.total.score]) ?? []),
  );
  const change = (list: typeof schoolChanges, id: string): RankChange => {
    const { rank, previousScore, delta, rankChange } = list.find((c) => c.id === id)!;
    return { rank, previousScore, delta, rankChange };
  };

  return {
    roundId: round.id,
    name: round.name,
    districtId: round.districtId,
    system,
    schools: schoolReports.map((s) => ({ ...s, ...change(schoolChanges, s.id) })),
    groups: groupReports.map((g) => ({ ...g, ...change(groupChanges, g.id) })),
  };
}

/**
 * Parsed reports of locked rounds. A locked report never changes, so it can be kept: the
 * public group page then costs neither the read of a large item nor its parse. Bounded, and
 * read-only for its users (nothing here mutates a report).
 */
const lockedReports = new Map<string, RoundReport>();
const LOCKED_REPORTS_KEPT = 32;

function keepLocked(roundId: string, text: string): RoundReport {
  const report = JSON.parse(text) as RoundReport;
  if (lockedReports.size >= LOCKED_REPORTS_KEPT) lockedReports.delete(lockedReports.keys().next().value!);
  lockedReports.set(roundId, report);
  return report;
}

/** A round's report: a locked round's frozen text, parsed; an open round's, computed now. */
export function reportOf(deps: Deps, round: RoundItem, withPrevious = true): Promise<RoundReport> {
  if (!round.lockedReport) return roundReport(deps, round, withPrevious);
  return Promise.resolve(lockedReports.get(round.id) ?? keepLocked(round.id, round.lockedReport));
}

/** A locked round's report from its head: read (and kept) only the first time. */
export async function lockedReportOf(deps: Deps, roundId: string): Promise<RoundReport | null> {
  const kept = lockedReports.get(roundId);
  if (kept) return kept;
  const round = await deps.evaluations.getRound(roundId);
  return round?.lockedReport ? keepLocked(round.id, round.lockedReport) : null;
}

/** The previous round as it was locked (its stored text), or as it stands if still open. */
async function previousReport(deps: Deps, roundId: string): Promise<RoundReport | null> {
  const round = await deps.evaluations.getRound(roundId);
  return round ? reportOf(deps, round, false) : null;
}
