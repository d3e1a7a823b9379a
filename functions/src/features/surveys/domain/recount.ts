import type { Question } from '../../../../../shared';
import { responseCounters, tally } from './response-counters';

/** What a recount needs of a stored response (AP29): its school and its counted answers. */
export interface RecountedResponse {
  schoolId: string;
  answers: Record<string, string[]>;
}

/**
 * Every counter of a survey recounted from its stored responses, per school: the check that the
 * published numbers are reproducible from raw answers. It applies the same rule a submission
 * applies (responseCounters), so recount(stored) must equal the sharded counters (AP28) after
 * any load, outage or retry; the outage test and the bench's load run assert exactly that.
 * Zero counters are left out on both sides, since a counter that was never added is absent.
 */
export function recount(questions: Question[], responses: RecountedResponse[]): Map<string, Map<string, number>> {
  const bySchool = new Map<string, Map<string, number>>();
  for (const response of responses) {
    const counted = Object.entries(response.answers).map(([questionId, options]) => ({ questionId, options }));
    const school = bySchool.get(response.schoolId) ?? new Map<string, number>();
    tally(school, responseCounters(questions, { counted, texts: [], likertValues: [] }));
    bySchool.set(response.schoolId, school);
  }
  return bySchool;
}

/** A counter table as `school#name` → count without zeros, the form recount and AP28 are compared in. */
export function flatCounters(table: Map<string, Map<string, number>>): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const [schoolId, named] of table) for (const [name, count] of named) if (count !== 0) flat[`${schoolId}#${name}`] = count;
  return flat;
}
