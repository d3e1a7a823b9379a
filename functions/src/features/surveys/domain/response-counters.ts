import type { Question } from '../../../../../shared';
import { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER } from './counter-names';
import { ANSWERED_OPTION, SCORED_COUNTER, UNKNOWN_OPTION } from './disclosure/survey-blocks';
import { isStraightLinedAcrossScales } from './scoring/straight-lining';
import type { ValidResponse } from './validate-response';

/**
 * The counters one validated response adds to its school: the response, each chosen option,
 * a multiple-choice question's respondent (so its n counts people, not ticks), the valid return
 * (at least one answer that is not 不了解), and straight-lining compared by scale position.
 */
export function responseCounters(questions: Question[], valid: ValidResponse): string[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const counters = [RESPONSES_COUNTER];
  const positions: Array<{ value: number; points: number }> = [];
  let scored = false;
  for (const { questionId, options } of valid.counted) {
    const question = byId.get(questionId);
    for (const option of options) counters.push(answerCounter(questionId, option));
    if (question?.type === 'multiple' && options.length > 0) counters.push(answerCounter(questionId, ANSWERED_OPTION));
    if (options.some((o) => o !== UNKNOWN_OPTION)) scored = true;
    if (question?.type === 'likert' && options[0] !== UNKNOWN_OPTION)
      positions.push({ value: Number(options[0]), points: question.labels.length });
  }
  if (scored) counters.push(SCORED_COUNTER);
  if (isStraightLinedAcrossScales(positions)) counters.push(STRAIGHT_COUNTER);
  return counters;
}

/** Adds one response's counters to a school's tally. */
export function tally(into: Map<string, number>, counters: string[]): Map<string, number> {
  for (const c of counters) into.set(c, (into.get(c) ?? 0) + 1);
  return into;
}
