import type { Question, SurveyResults } from '../../../../shared';
import type { ShownLikert } from './domain/exact-survey-indicator';
import type { SurveyItem } from '../surveys/survey-items';

type LikertQuestion = Extract<Question, { type: 'likert' }>;
type ShownCell = Extract<SurveyResults['units'][number]['questions'][string], { suppressed: false; type: 'likert' }>;

/**
 * How many top options the results counted as 认可: the smallest b whose top-b answers are the
 * satisfied count the results show (satisfied = rate · n, an integer). The evaluation thus uses
 * whichever definition the results page uses, and never a second one of its own.
 */
function recognisedBoxesOf(question: LikertQuestion, counts: number[], cell: ShownCell): number {
  const { n, rate } = cell.satisfaction;
  if (rate === null || n === 0) return question.satisfiedTopBoxes;
  const satisfied = Math.round(rate * n);
  let top = 0;
  for (let boxes = 0; boxes <= counts.length; boxes++) {
    if (top === satisfied) return boxes;
    top += counts[counts.length - 1 - boxes] ?? 0;
  }
  return question.satisfiedTopBoxes;
}

/**
 * A survey's likert questions per school, as the results show them, with their exact counts: a
 * hidden cell stays hidden (the indicator then says 数据不足), so an evaluation never sees more
 * than the results page does, and its 社会认可 is computed exactly from counts, not from the
 * rounded rates.
 */
export function schoolLikerts(survey: Pick<SurveyItem, 'definition'>, results: SurveyResults): Map<string, ShownLikert[]> {
  const likerts = survey.definition.questions.filter((q): q is LikertQuestion => q.type === 'likert');
  const perSchool = new Map<string, ShownLikert[]>();
  for (const unit of results.units.filter((u) => u.level === 'school')) {
    perSchool.set(
      unit.id,
      likerts.map((q): ShownLikert => {
        const cell = unit.questions[q.id];
        if (!cell || cell.suppressed || cell.type !== 'likert')
          return { dimension: q.dimension, shown: false, counts: [], recognisedBoxes: q.satisfiedTopBoxes };
        const counts = q.labels.map((_, i) => cell.distribution[String(i + 1)] ?? 0);
        return { dimension: q.dimension, shown: true, counts, recognisedBoxes: recognisedBoxesOf(q, counts, cell) };
      }),
    );
  }
  return perSchool;
}
