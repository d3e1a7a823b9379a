import type { Question } from '../../../../../shared';
import { recount, type RecountedResponse } from './recount';

type CounterTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  [...new Set([...a.keys(), ...b.keys()])].every((c) => (a.get(c) ?? 0) === (b.get(c) ?? 0));

/**
 * The schools whose stored responses are exactly what the published snapshot froze for them:
 * recounted, they tally to its counters. Each of those responses is then counted in what is
 * published, and none arrived since (an answer after the snapshot adds to the school's recount,
 * never to the snapshot). A school with no snapshot yet has no frozen counters, so it is not
 * among them once it has a response.
 */
export function schoolsAsPublished(questions: Question[], responses: RecountedResponse[], counts: CounterTable): Set<string> {
  const recounted = recount(questions, responses);
  return new Set([...recounted].filter(([schoolId, own]) => sameCounts(own, counts.get(schoolId) ?? new Map())).map(([id]) => id));
}
