import type {
  PublicationAudit,
  Question,
  QuestionResult,
  ResponseRate,
  SnapshotInfo,
  SurveyResults,
  TextAnswers,
  UnitResult,
} from '../../../../shared';
import { RECOGNITION_LABELS, RECOGNITION_SOURCE, type RecognitionDefinition } from '../../../../shared/surveys/recognition';
import { cellKey, RESPONSES_BLOCK, unitKey } from './domain/disclosure/published-table';
import { ANSWERED_OPTION, SCORED_COUNTER, surveyBlocks, UNKNOWN_OPTION } from './domain/disclosure/survey-blocks';
import { boundedIndexInterval } from './domain/scoring/bounded-index-interval';
import { likertIndex } from './domain/scoring/likert-index';
import { netPromoterScore } from './domain/scoring/nps';
import { recognisedBoxes } from './domain/scoring/recognition';
import { satisfactionRate } from './domain/scoring/satisfaction-rate';
import { straightLinedShare } from './domain/scoring/straight-lining';
import { suppressedIds, type Total } from './domain/scoring/suppression';
import { aggregateReturnRate, validReturnRate, type ReturnRate } from './domain/scoring/valid-return-rate';
import { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER, type ResponseItem, type SurveyItem } from './survey-items';
import type { CounterTable } from './survey-repository';
import type { Audience } from './survey-audience';

/** The national 优质均衡 inspection's bar for 社会认可度. */
export const RECOGNITION_THRESHOLD = 0.85;

/** What a published view is computed from: the snapshot shown, and the audited plan's hidden cells. */
export interface Publication {
  hidden: ReadonlySet<string>;
  snapshot: SnapshotInfo;
  audit: PublicationAudit;
}

type Unit = { level: UnitResult['level']; id: string; name: string; schoolIds: string[] };

const HIDDEN = { suppressed: true, label: '样本不足' } as const;

/** A survey's 认可 rule: its own setting, or (made before the setting existed) its questions' top boxes. */
export const recognitionOf = (survey: Pick<SurveyItem, 'recognition'>): RecognitionDefinition => survey.recognition ?? 'as-authored';

/** Sums a counter over some schools. */
const sum = (counters: CounterTable, schoolIds: string[], name: string) =>
  schoolIds.reduce((total, id) => total + (counters.get(id)?.get(name) ?? 0), 0);

function optionKeys(question: Question): string[] {
  switch (question.type) {
    case 'likert':
      return question.labels.map((_, i) => String(i + 1));
    case 'nps':
      return Array.from({ length: 11 }, (_, i) => String(i));
    case 'single':
    case 'multiple':
      return question.options.map((o) => o.id);
    case 'text':
      return [];
  }
}

function questionResult(
  question: Question,
  counters: CounterTable,
  schoolIds: string[],
  recognition: RecognitionDefinition,
): QuestionResult | null {
  const count = (option: string) => sum(counters, schoolIds, answerCounter(question.id, option));
  const distribution = Object.fromEntries(optionKeys(question).map((key) => [key, count(key)]));
  switch (question.type) {
    case 'likert': {
      const counts = question.labels.map((_, i) => distribution[String(i + 1)]);
      const boxes = recognisedBoxes(recognition, counts.length, question.satisfiedTopBoxes);
      const satisfaction = satisfactionRate(counts, boxes);
      const { mean } = likertIndex(counts);
      const { n, index, ci95 } = boundedIndexInterval(counts);
      return {
        type: 'likert',
        n,
        unknown: count(UNKNOWN_OPTION),
        distribution,
        index: { n, mean, index, ci95 },
        satisfaction,
        recognisedBoxes: boxes,
        meetsThreshold: satisfaction.rate === null ? null : satisfaction.rate >= RECOGNITION_THRESHOLD,
      };
    }
    case 'nps':
      return { type: 'nps', distribution, nps: netPromoterScore(optionKeys(question).map((k) => distribution[k])) };
    case 'single':
      return { type: 'single', n: Object.values(distribution).reduce((a, b) => a + b, 0), distribution };
    case 'multiple':
      // n is the respondents who answered (issue 11 §4), whatever number of options each ticked.
      return { type: 'multiple', n: count(ANSWERED_OPTION), distribution };
    case 'text':
      return null;
  }
}

const rateView = (rate: ReturnRate | null, coverage: ResponseRate['coverage']): ResponseRate => {
  if (rate === null || rate.status === 'no-enrollment')
    return { status: 'no-enrollment', valid: rate?.valid ?? 0, enrolledFamilies: null, rate: null, low: null, label: null, coverage };
  if (rate.status === 'enrollment-wrong')
    return { status: rate.status, valid: rate.valid, enrolledFamilies: rate.families, rate: null, low: null, label: rate.label, coverage };
  return { status: 'ok', valid: rate.valid, enrolledFamilies: rate.families, rate: rate.rate, low: rate.low, label: null, coverage };
};

/**
 * A unit's return rate (valid-return-rate.ts) from what is shown only: a school's own valid
 * returns; a group or the district over all its schools when its own count is shown and every
 * school has an enrolment, else over its shown schools that have a usable one, with the
 * coverage. A hidden school's valid returns enter no published rate (that would publish a sum
 * the audit never saw).
 */
function unitReturnRate(
  unit: Unit,
  counters: CounterTable,
  enrollment: Map<string, number | null>,
  shown: (level: UnitResult['level'], id: string) => boolean,
): ResponseRate {
  const families = (id: string) => enrollment.get(id) ?? null;
  const valid = (ids: string[]) => sum(counters, ids, SCORED_COUNTER);
  const all = { coveredSchools: unit.schoolIds.length, schools: unit.schoolIds.length };
  if (unit.level === 'school') {
    const rate = validReturnRate(valid(unit.schoolIds), families(unit.id));
    return rateView(rate, { coveredSchools: rate.status === 'ok' ? 1 : 0, schools: 1 });
  }
  const entered = unit.schoolIds.map(families);
  if (entered.every((f) => f !== null && f > 0))
    return rateView(
      validReturnRate(
        valid(unit.schoolIds),
        entered.reduce((a, b) => a! + b!, 0),
      ),
      all,
    );
  const aggregate = aggregateReturnRate(
    unit.schoolIds
      .filter((id) => shown('school', id))
      .map((schoolId) => ({ schoolId, valid: valid([schoolId]), families: families(schoolId) })),
  );
  return rateView(aggregate.rate, { coveredSchools: aggregate.coveredSchools, schools: unit.schoolIds.length });
}

/**
 * Cells hidden by the per-block rule that predates the audit. Only for a view computed without a
 * publication (unit tests of the formulas); the API and evaluation use the audited plan.
 */
function legacyHidden(survey: SurveyItem, audience: Audience, units: Unit[], counters: CounterTable): Set<string> {
  const totals: Total[] = units
    .filter((u) => u.level !== 'school')
    .map((u) => ({ id: unitKey(u.level, u.id), children: u.schoolIds.map((id) => unitKey('school', id)) }));
  const hidden = new Set<string>();
  for (const block of surveyBlocks(survey.definition.questions)) {
    const cells = audience.schools.map((s) => ({
      id: unitKey('school', s.id),
      n: block.size.reduce((t, c) => t + sum(counters, [s.id], c), 0),
    }));
    for (const unit of suppressedIds(cells, totals, survey.minN)) hidden.add(cellKey(unit, block.id));
  }
  return hidden;
}

/**
 * The published free texts of each text question: only visible ones (passed WeChat's check or
 * approved; held and rejected never), for the whole survey and never per unit, sorted by text so
 * the order says nothing of arrival, and none while the district's response count is hidden (a
 * survey with fewer than minN answers in all would put a handful of writers behind its texts).
 * No text enters a counter, so none is a cell of the disclosure model: the list names no school,
 * and a count of texts at district level is bounded by the district's shown n.
 */
export function publishedTexts(
  questions: Question[],
  texts: ReadonlyArray<Pick<ResponseItem['texts'][number], 'questionId' | 'text' | 'status'>>,
  districtShown: boolean,
): Record<string, TextAnswers> {
  return Object.fromEntries(
    questions
      .filter((q) => q.type === 'text')
      .map((q): [string, TextAnswers] => [
        q.id,
        districtShown
          ? {
              suppressed: false,
              items: texts
                .filter((t) => t.questionId === q.id && t.status === 'visible')
                .map((t) => t.text)
                .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
            }
          : HIDDEN,
      ]),
  );
}

/**
 * Results per school, group and district. Published views pass the publication: the counters
 * are the snapshot's and every cell its audited plan hides is 样本不足 (docs/scoring.md).
 * Without one it is the live view under the older per-block rule (unit tests only; evaluation
 * reads the published results through SurveyReporting, evaluation-report.ts).
 */
export function surveyResults(
  survey: SurveyItem,
  audience: Audience,
  counters: CounterTable,
  enrollment: Map<string, number | null>,
  districtName: string,
  publication?: Publication,
  texts: ReadonlyArray<Pick<ResponseItem['texts'][number], 'questionId' | 'text' | 'status'>> = [],
): SurveyResults {
  const units: Unit[] = [
    { level: 'district', id: survey.districtId, name: districtName, schoolIds: audience.schools.map((s) => s.id) },
    ...audience.groups.map((g) => ({ level: 'group' as const, id: g.id, name: g.name, schoolIds: g.schoolIds })),
    ...audience.schools.map((s) => ({ level: 'school' as const, id: s.id, name: s.name, schoolIds: [s.id] })),
  ];
  const hidden = publication?.hidden ?? legacyHidden(survey, audience, units, counters);
  const isHidden = (level: UnitResult['level'], id: string, block: string) => hidden.has(cellKey(unitKey(level, id), block));
  const shown = (level: UnitResult['level'], id: string) => !isHidden(level, id, RESPONSES_BLOCK);
  const questions = survey.definition.questions.filter((q) => q.type !== 'text');
  const recognition = recognitionOf(survey);

  return {
    surveyId: survey.id,
    title: survey.definition.title,
    minN: survey.minN,
    snapshot: publication?.snapshot ?? null,
    recognition: { definition: recognition, label: RECOGNITION_LABELS[recognition], source: RECOGNITION_SOURCE[recognition] },
    audit: publication?.audit ?? null,
    units: units.map((unit) => {
      const n = sum(counters, unit.schoolIds, RESPONSES_COUNTER);
      return {
        level: unit.level,
        id: unit.id,
        name: unit.name,
        responses: !shown(unit.level, unit.id)
          ? HIDDEN
          : {
              suppressed: false,
              n,
              rate: unitReturnRate(unit, counters, enrollment, shown),
              straightLinedShare: straightLinedShare(sum(counters, unit.schoolIds, STRAIGHT_COUNTER), n),
            },
        questions: Object.fromEntries(
          questions.map((q) => [
            q.id,
            isHidden(unit.level, unit.id, q.id)
              ? HIDDEN
              : { suppressed: false, ...questionResult(q, counters, unit.schoolIds, recognition)! },
          ]),
        ),
      };
    }),
    texts: publishedTexts(survey.definition.questions, texts, shown('district', survey.districtId)),
  };
}
