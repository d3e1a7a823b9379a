import { termOf, type RoundReport, type TermId } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';
import type { ShownLikert } from './domain/exact-survey-indicator';
import type { EvaluationRepository, RoundItem } from './evaluation-repository';
import { indicatorKey, reportScores } from './report-scores';
import { schoolLikerts } from './survey-measures';
import { SurveyReporting } from '../surveys/survey-reporting';
import { setBounded } from '../../bounded-map';

type Deps = Pick<Infrastructure, 'catalog' | 'surveys' | 'now'> & { evaluations: EvaluationRepository };

/**
 * Likert questions per school for every survey the system uses, from the results page's own
 * results (the published snapshot and its audited plan): 社会认可 never uses a cell that page
 * hides, nor a count newer than its snapshot. An audit that fails refuses the report
 * (409 AUDIT_FAILED), as it refuses the page.
 */
async function surveyLikerts(deps: Deps, surveyIds: string[]): Promise<Map<string, Map<string, ShownLikert[]>>> {
  const reporting = new SurveyReporting(deps);
  const bySurvey = new Map<string, Map<string, ShownLikert[]>>();
  for (const surveyId of surveyIds) {
    const survey = await deps.surveys.getSurvey(surveyId);
    if (!survey) continue;
    bySurvey.set(surveyId, schoolLikerts(survey, await reporting.results(survey)));
  }
  return bySurvey;
}

/** The term a round groups its schools by: stored at creation, else the term it was made in. */
export const roundTerm = (round: Pick<RoundItem, 'term' | 'createdAt'>): TermId => round.term ?? termOf(round.createdAt);

/**
 * A round's report: what it reads (catalogue, manual scores, survey results, enrolments, the
 * previous round), scored by report-scores.ts. Groups are scored over their members of the
 * round's term (AP87), so a school that moves later does not regroup the round. Pure over what it reads, and ordered, so the
 * same data gives the same text.
 */
export async function roundReport(deps: Deps, round: RoundItem, withPrevious = true): Promise<RoundReport> {
  const { system } = round;
  const [schools, groups, memberships, manual] = await Promise.all([
    deps.catalog.listSchoolsOfDistrict(round.districtId),
    deps.catalog.listGroupsOfDistrict(round.districtId),
    deps.catalog.listMembershipsOfDistrict(round.districtId, roundTerm(round)),
    deps.evaluations.listManualScores(round.id),
  ]);
  const surveyIds = [
    ...new Set(system.dimensions.flatMap((d) => d.indicators.flatMap((i) => (i.source.kind === 'survey' ? i.source.surveyIds : [])))),
  ].sort();
  const [likerts, enrollment, previous] = await Promise.all([
    surveyLikerts(deps, surveyIds),
    deps.surveys.familiesOf(schools.map((s) => s.id)),
    withPrevious && round.previousRoundId ? previousReport(deps, round.previousRoundId) : null,
  ]);
  const scores = reportScores({
    system,
    schools,
    groups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      schoolIds: memberships.filter((m) => m.groupId === g.id).map((m) => m.schoolId),
    })),
    manual: new Map(manual.map((m) => [`${m.schoolId}|${indicatorKey(m.dimensionId, m.indicatorId)}`, m])),
    likerts,
    enrollment,
    previous,
  });
  return { roundId: round.id, name: round.name, districtId: round.districtId, system, ...scores };
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
  setBounded(lockedReports, roundId, report, LOCKED_REPORTS_KEPT);
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
