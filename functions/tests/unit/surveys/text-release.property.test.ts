import fc from 'fast-check';
import type { Question } from '../../../../shared';
import { recount } from '../../../src/features/surveys/domain/recount';
import { textRelease, type ReleasableResponse } from '../../../src/features/surveys/domain/text-release';
import { likert4 } from './disclosure/fixtures';

/**
 * A free text is published only once its response is counted in the published snapshot, and
 * once published it stays (domain/text-release.ts, docs/scoring.md "Free texts").
 */
const QUESTIONS: Question[] = [likert4('q1'), { id: 'q2', type: 'text', title: '建议', required: false } as Question];
const SCHOOLS = ['s-a', 's-b', 's-c'];

type Stored = ReleasableResponse & { id: number; texts: string[] };
type Counts = Map<string, Map<string, number>>;

const response = (id: number, schoolId: string, option: string, text: string | null): Stored => ({
  id,
  schoolId,
  answers: { q1: [option] },
  texts: text === null ? [] : [text],
});

/** The counters a snapshot freezes for these schools: the recount of what they hold now; the others keep theirs. */
function freeze(previous: Counts, stored: Stored[], schoolIds: string[]): Counts {
  const now = recount(QUESTIONS, stored);
  const next: Counts = new Map(previous);
  for (const id of schoolIds) next.set(id, now.get(id) ?? new Map());
  return next;
}

/** One read: what it publishes, after recording what it releases (as SurveyReporting does with AP126). */
function read(stored: Stored[], counts: Counts, version: number): Set<number> {
  const { released, toRelease } = textRelease(QUESTIONS, stored, counts);
  for (const r of toRelease) r.textsReleasedIn = version;
  return new Set([...released, ...toRelease].map((r) => r.id));
}

describe('which free texts a results read publishes', () => {
  it('publishes a school’s texts once the snapshot counts all it holds, and not one that came after', () => {
    // Prepare: 经八路 (s-a) holds two responses, both counted; 经五 (s-b) got one after its snapshot.
    const stored = [response(1, 's-a', '1', '食堂很好'), response(2, 's-a', '2', null), response(3, 's-b', '1', '校门口拥堵')];
    const counts = freeze(new Map(), stored.slice(0, 2), ['s-a', 's-b']);

    // Act
    const { released, toRelease } = textRelease(QUESTIONS, stored, counts);

    // Assess
    expect(released).toEqual([]);
    expect(toRelease.map((r) => r.id)).toEqual([1]);
  });

  it('keeps a released text when its school’s next response arrives, and holds back the newcomer', () => {
    // Prepare
    const stored = [response(1, 's-a', '1', '食堂很好')];
    const counts = freeze(new Map(), stored, ['s-a']);
    read(stored, counts, 1);
    stored.push(response(2, 's-a', '3', '希望多开放日'));

    // Act
    const published = read(stored, counts, 1);

    // Assess
    expect([...published]).toEqual([1]);
  });

  it('never publishes a text the snapshot has not counted, never takes one back, and publishes all once everything is counted', () => {
    const event = fc.oneof(
      fc.record({
        kind: fc.constant('answer' as const),
        school: fc.constantFrom(...SCHOOLS),
        option: fc.constantFrom('1', '2', '3', '4'),
        text: fc.option(fc.constantFrom('好', '一般', '建议增加社团'), { nil: null }),
      }),
      fc.record({ kind: fc.constant('snapshot' as const), schools: fc.subarray(SCHOOLS, { minLength: 1 }) }),
      fc.record({ kind: fc.constant('read' as const) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        // Prepare
        const stored: Stored[] = [];
        let counts: Counts = new Map();
        let version = 0;
        /** How many of each school's responses (in arrival order) the current snapshot counts. */
        const counted = new Map<string, number>();
        let shown = new Set<number>();

        // Act and Assess, event by event
        for (const e of events) {
          if (e.kind === 'answer') stored.push(response(stored.length + 1, e.school, e.option, e.text));
          if (e.kind === 'snapshot') {
            version += 1;
            counts = freeze(counts, stored, e.schools);
            for (const s of e.schools) counted.set(s, stored.filter((r) => r.schoolId === s).length);
          }
          if (e.kind === 'read') {
            const now = read(stored, counts, version);
            for (const id of shown) expect(now.has(id)).toBe(true);
            for (const id of now) {
              const r = stored[id - 1];
              const place = stored.filter((o) => o.schoolId === r.schoolId).indexOf(r);
              expect(place).toBeLessThan(counted.get(r.schoolId) ?? 0);
            }
            shown = now;
          }
        }
        counts = freeze(counts, stored, SCHOOLS);
        const all = read(stored, counts, version + 1);
        expect([...all].sort((a, b) => a - b)).toEqual(stored.filter((r) => r.texts.length > 0).map((r) => r.id));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
