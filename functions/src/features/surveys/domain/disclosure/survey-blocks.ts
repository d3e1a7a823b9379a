import type { Question } from '../../../../../../shared';
import { answerCounter, RESPONSES_COUNTER, STRAIGHT_COUNTER } from '../counter-names';
import { RESPONSES_BLOCK, type DisclosureBlock, type Identity } from './published-table';

/** Responses with at least one scored answer (不了解 and text are not scored): the valid returns. */
export const SCORED_COUNTER = '_scored';
/** A multiple-choice question's respondents (its n), beside its per-option ticks. */
export const ANSWERED_OPTION = '_answered';
export const UNKNOWN_OPTION = 'unknown';

/**
 * Published sums of a question's counters: for likert every top-box count (top 1 … top k − 1,
 * so whichever 认可 rule a survey uses, strict or lenient or as authored, its satisfied count is
 * covered), for NPS promoters (9–10), passives (7–8) and detractors (0–6).
 */
export function derivedCounters(question: Question): Array<{ id: string; counters: string[] }> {
  const c = (option: string) => answerCounter(question.id, option);
  if (question.type === 'likert') {
    const k = question.labels.length;
    // Value k is the most favourable: the top b boxes are the values k − b + 1 … k.
    return Array.from({ length: k - 1 }, (_, i) => ({
      id: `${question.id}:top${i + 1}`,
      counters: Array.from({ length: i + 1 }, (_, j) => c(String(k - j))),
    }));
  }
  if (question.type === 'nps') {
    const scores = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => c(String(from + i)));
    return [
      { id: `${question.id}:promoters`, counters: scores(9, 10) },
      { id: `${question.id}:passives`, counters: scores(7, 8) },
      { id: `${question.id}:detractors`, counters: scores(0, 6) },
    ];
  }
  return [];
}

/** The counters of a question's cell, and the ones that sum to its n. */
export function questionCounters(question: Question): { counters: string[]; size: string[] } {
  const c = (option: string) => answerCounter(question.id, option);
  switch (question.type) {
    case 'likert': {
      const values = question.labels.map((_, i) => c(String(i + 1)));
      return { counters: question.allowUnknown ? [...values, c(UNKNOWN_OPTION)] : values, size: values };
    }
    case 'nps': {
      const scores = Array.from({ length: 11 }, (_, i) => c(String(i)));
      return { counters: scores, size: scores };
    }
    case 'single': {
      const options = question.options.map((o) => c(o.id));
      return { counters: options, size: options };
    }
    case 'multiple':
      // n is the respondents who answered, not the ticks (issue 11 §4).
      return { counters: [...question.options.map((o) => c(o.id)), c(ANSWERED_OPTION)], size: [c(ANSWERED_OPTION)] };
    case 'text':
      return { counters: [], size: [] };
  }
}

/** Blocks of a survey's results: the response counts, then one per counted question. */
export function surveyBlocks(questions: Question[]): DisclosureBlock[] {
  return [
    { id: RESPONSES_BLOCK, counters: [RESPONSES_COUNTER, STRAIGHT_COUNTER, SCORED_COUNTER], size: [RESPONSES_COUNTER] },
    ...questions.filter((q) => q.type !== 'text').map((q) => ({ id: q.id, ...questionCounters(q), derived: derivedCounters(q) })),
  ];
}

const sumOf = (counters: string[], coefficient = 1): Array<[string, number]> => counters.map((c) => [c, coefficient]);

/**
 * What the questionnaire tells any reader about one school's counters (and so any unit's):
 *  - a required question is answered by every response: n + 不了解 = responses (likert),
 *    n = responses (single, NPS, multiple's respondents); an optional one: ≤ responses;
 *  - a multiple-choice option is ticked by at most its respondents, and the ticks lie between
 *    max(min, 1) and max per respondent;
 *  - straight-lined ≤ scored ≤ responses, every counted answer is in a scored response, and a
 *    scored response has at least one counted answer.
 */
export function surveyIdentities(questions: Question[]): Identity[] {
  const identities: Identity[] = [
    {
      terms: [
        [STRAIGHT_COUNTER, 1],
        [SCORED_COUNTER, -1],
      ],
      relation: '<=',
    },
    {
      terms: [
        [SCORED_COUNTER, 1],
        [RESPONSES_COUNTER, -1],
      ],
      relation: '<=',
    },
  ];
  const counted = questions.filter((q) => q.type !== 'text');
  for (const q of counted) {
    const { counters, size } = questionCounters(q);
    const answeredOrUnknown = q.type === 'likert' ? counters : size;
    identities.push({ terms: [...sumOf(answeredOrUnknown), [RESPONSES_COUNTER, -1]], relation: q.required ? '=' : '<=' });
    identities.push({ terms: [...sumOf(size), [SCORED_COUNTER, -1]], relation: '<=' });
    if (q.type === 'multiple') {
      const answered = answerCounter(q.id, ANSWERED_OPTION);
      const ticks = q.options.map((o) => answerCounter(q.id, o.id));
      for (const t of ticks)
        identities.push({
          terms: [
            [t, 1],
            [answered, -1],
          ],
          relation: '<=',
        });
      identities.push({ terms: [[answered, Math.max(q.min, 1)], ...sumOf(ticks, -1)], relation: '<=' });
      identities.push({ terms: [...sumOf(ticks), [answered, -q.max]], relation: '<=' });
    }
  }
  if (counted.length > 0)
    identities.push({ terms: [[SCORED_COUNTER, 1], ...counted.flatMap((q) => sumOf(questionCounters(q).size, -1))], relation: '<=' });
  return identities;
}
