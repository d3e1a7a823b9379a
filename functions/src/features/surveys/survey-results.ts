import type { Question, QuestionResult, SurveyResults, UnitResult } from '../../../../shared';
import { likertIndex } from './domain/scoring/likert-index';
import { netPromoterScore } from './domain/scoring/nps';
import { responseRate } from './domain/scoring/response-rate';
import { satisfactionRate } from './domain/scoring/satisfaction-rate';
import { straightLinedShare } from './domain/scoring/straight-lining';
import { suppressedIds, type Total } from './domain/scoring/suppression';
import { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER, type SurveyItem } from './survey-items';
import type { CounterTable } from './survey-repository';
import type { Audience } from './survey-audience';

/** The national 优质均衡 inspection's bar for 社会认可度. */
export const RECOGNITION_THRESHOLD = 0.85;

type Unit = { level: UnitResult['level']; id: string; name: string; schoolIds: string[] };

const HIDDEN = { suppressed: true, label: '样本不足' } as const;

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

function questionResult(question: Question, counters: CounterTable, schoolIds: string[], respondents: number): QuestionResult | null {
  const distribution = Object.fromEntries(
    optionKeys(question).map((key) => [key, sum(counters, schoolIds, answerCounter(question.id, key))]),
  );
  if (question.type === 'likert') {
    const counts = question.labels.map((_, i) => distribution[String(i + 1)]);
    const satisfaction = satisfactionRate(counts, question.satisfiedTopBoxes);
    return {
      type: 'likert',
      n: counts.reduce((a, b) => a + b, 0),
      unknown: sum(counters, schoolIds, answerCounter(question.id, 'unknown')),
      distribution,
      index: likertIndex(counts),
      satisfaction,
      meetsThreshold: satisfaction.rate === null ? null : satisfaction.rate >= RECOGNITION_THRESHOLD,
    };
  }
  if (question.type === 'nps')
    return { type: 'nps', distribution, nps: netPromoterScore(optionKeys(question).map((k) => distribution[k])) };
  if (question.type === 'text') return null;
  // Multiple choice: n is the number of respondents who answered, not of ticks.
  return {
    type: question.type,
    n: question.type === 'single' ? Object.values(distribution).reduce((a, b) => a + b, 0) : respondents,
    distribution,
  };
}

/** n a question's cell is judged on for suppression: counted answers (不了解 excluded). */
function questionN(question: Question, counters: CounterTable, schoolId: string): number {
  return optionKeys(question).reduce((total, key) => total + (counters.get(schoolId)?.get(answerCounter(question.id, key)) ?? 0), 0);
}

/**
 * Results per school, group and district from the summed counters, every cell below minN
 * (and every cell that would let one be recovered) shown as 样本不足. See docs/scoring.md.
 */
export function surveyResults(
  survey: SurveyItem,
  audience: Audience,
  counters: CounterTable,
  enrollment: Map<string, number | null>,
  districtName: string,
): SurveyResults {
  const units: Unit[] = [
    { level: 'district', id: survey.districtId, name: districtName, schoolIds: audience.schools.map((s) => s.id) },
    ...audience.groups.map((g) => ({ level: 'group' as const, id: g.id, name: g.name, schoolIds: g.schoolIds })),
    ...audience.schools.map((s) => ({ level: 'school' as const, id: s.id, name: s.name, schoolIds: [s.id] })),
  ];
  const totals: Total[] = units
    .filter((u) => u.level !== 'school')
    .map((u) => ({ id: `${u.level}:${u.id}`, children: u.schoolIds.map((id) => `school:${id}`) }));
  const hiddenFor = (nOf: (schoolId: string) => number) =>
    suppressedIds(
      audience.schools.map((s) => ({ id: `school:${s.id}`, n: nOf(s.id) })),
      totals,
      survey.minN,
    );

  const responsesHidden = hiddenFor((id) => counters.get(id)?.get(RESPONSES_COUNTER) ?? 0);
  const questions = survey.definition.questions.filter((q) => q.type !== 'text');
  const questionHidden = new Map(questions.map((q) => [q.id, hiddenFor((id) => questionN(q, counters, id))]));

  return {
    surveyId: survey.id,
    title: survey.definition.title,
    minN: survey.minN,
    units: units.map((unit) => {
      const key = `${unit.level}:${unit.id}`;
      const n = sum(counters, unit.schoolIds, RESPONSES_COUNTER);
      const enrolled = unit.schoolIds.map((id) => enrollment.get(id) ?? null);
      const families = enrolled.every((e) => e !== null) ? enrolled.reduce((a, b) => a! + b!, 0) : null;
      return {
        level: unit.level,
        id: unit.id,
        name: unit.name,
        responses: responsesHidden.has(key)
          ? HIDDEN
          : {
              suppressed: false,
              n,
              rate: responseRate(n, families),
              straightLinedShare: straightLinedShare(sum(counters, unit.schoolIds, STRAIGHT_COUNTER), n),
            },
        questions: Object.fromEntries(
          questions.map((q) => [
            q.id,
            questionHidden.get(q.id)!.has(key) ? HIDDEN : { suppressed: false, ...questionResult(q, counters, unit.schoolIds, n)! },
          ]),
        ),
      };
    }),
  };
}
