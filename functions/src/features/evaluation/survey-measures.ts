import type { Question, SurveyResults } from '../../../../shared';
import type { ShownLikert } from './domain/exact-survey-indicator';
import type { SurveyItem } from '../surveys/survey-items';
import { recognisedBoxes } from '../surveys/domain/scoring/recognition';

type LikertQuestion = Extract<Question, { type: 'likert' }>;

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
        // The definition the results page names (the survey's, fixed when it was made): never a second one.
        const boxes = recognisedBoxes(results.recognition.definition, counts.length, q.satisfiedTopBoxes);
        return { dimension: q.dimension, shown: true, counts, recognisedBoxes: boxes };
      }),
    );
  }
  return perSchool;
}
