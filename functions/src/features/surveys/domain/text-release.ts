import type { Question } from '../../../../../shared';
import { schoolsAsPublished } from './as-published';
import type { RecountedResponse } from './recount';

/** What the release needs of a stored response: its school, answers, texts and the snapshot that released them. */
export interface ReleasableResponse extends RecountedResponse {
  texts: readonly unknown[];
  /** The snapshot version whose read first released this response's texts (AP126); absent until then. */
  textsReleasedIn?: number;
}

/**
 * Which responses' free texts may be published (docs/scoring.md, Free texts). A text shows only
 * once its response is counted in a published snapshot, so texts arrive in the same batches as
 * the numbers, at least minN of a school at a time: a parent who just answered, or who watched a
 * neighbour answer, cannot see that one text appear on its own.
 *
 * - `released`: responses an earlier read released. They stay released when their school's next
 *   responses arrive: a list of texts that shrank then would tell which texts share a school.
 * - `toRelease`: responses with texts, not yet released, of a school whose stored responses are
 *   exactly the snapshot's (schoolsAsPublished), so each is counted in it. The caller records
 *   the release (AP126) before it publishes them.
 *
 * Responses of a school with answers since the snapshot wait: which of them the snapshot counted
 * cannot be told (a response stores its date, never its time), and a later snapshot counts them.
 */
export function textRelease<R extends ReleasableResponse>(
  questions: Question[],
  responses: R[],
  counts: ReadonlyMap<string, ReadonlyMap<string, number>>,
): { released: R[]; toRelease: R[] } {
  const asPublished = schoolsAsPublished(questions, responses, counts);
  const withTexts = responses.filter((r) => r.texts.length > 0);
  return {
    released: withTexts.filter((r) => r.textsReleasedIn !== undefined),
    toRelease: withTexts.filter((r) => r.textsReleasedIn === undefined && asPublished.has(r.schoolId)),
  };
}
