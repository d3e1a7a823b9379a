import fc from 'fast-check';
import type { Answer } from '../../../../shared';
import { RESPONSES_COUNTER } from '../../../src/features/surveys/survey-items';
import { responseCounters, tally } from '../../../src/features/surveys/domain/response-counters';
import { EMPTY_SNAPSHOT, publishedCounts, refreshSnapshot, type Snapshot } from '../../../src/features/surveys/domain/snapshot-rule';
import { validateResponse } from '../../../src/features/surveys/domain/validate-response';
import { likert4 } from './disclosure/fixtures';

/**
 * Issue 11 §3: between any two consecutive published states, every unit's counts moved by the
 * answers of 0 or of at least minN responses, so reading before and after one parent's answer
 * shows nothing. Units: the district, two overlapping groups, every school.
 */
const QUESTIONS = [likert4('q1'), likert4('q2')];
const SCHOOLS = ['a', 'b', 'c', 'd'];
const UNITS = [SCHOOLS, ['a', 'b'], ['b', 'c', 'd'], ...SCHOOLS.map((s) => [s])];

const arrival = fc.record({
  school: fc.constantFrom(...SCHOOLS),
  answers: fc.record({
    q1: fc.oneof(
      fc.integer({ min: 1, max: 4 }).map((likert) => ({ likert }) as Answer),
      fc.constant({ unknown: true } as Answer),
    ),
    q2: fc.integer({ min: 1, max: 4 }).map((likert) => ({ likert }) as Answer),
  }),
});

/** Each published state's unit counts, in order, under a publishing policy. */
function publishedStates(
  arrivals: Array<{ school: string; answers: Record<string, Answer> }>,
  publish: (s: Snapshot, live: Map<string, Map<string, number>>) => Snapshot,
) {
  const live = new Map<string, Map<string, number>>();
  let snapshot = EMPTY_SNAPSHOT;
  const states = [UNITS.map((u) => publishedCounts(snapshot, u))];
  for (const { school, answers } of arrivals) {
    const valid = validateResponse({ questions: QUESTIONS }, answers);
    if (!valid.ok) throw new Error('invalid');
    tally(live.get(school) ?? live.set(school, new Map()).get(school)!, responseCounters(QUESTIONS, valid.value));
    const next = publish(snapshot, live);
    if (next !== snapshot) states.push(UNITS.map((u) => publishedCounts(next, u)));
    snapshot = next;
  }
  return states;
}

/** The smallest non-zero change, in responses, of any unit between consecutive states (Infinity if none). */
function smallestStep(states: Array<Array<Map<string, number>>>): number {
  let smallest = Infinity;
  for (let i = 1; i < states.length; i++)
    UNITS.forEach((_, u) => {
      const [before, after] = [states[i - 1][u], states[i][u]];
      const step = (after.get(RESPONSES_COUNTER) ?? 0) - (before.get(RESPONSES_COUNTER) ?? 0);
      const moved = [...new Set([...before.keys(), ...after.keys()])].some((c) => (before.get(c) ?? 0) !== (after.get(c) ?? 0));
      if (moved) smallest = Math.min(smallest, step);
    });
  return smallest;
}

describe('published snapshots (§3)', () => {
  it('move every unit by 0 or by at least minN responses between consecutive states', () => {
    let states = 0;
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 10 }), fc.array(arrival, { minLength: 30, maxLength: 120 }), (minN, arrivals) => {
        const published = publishedStates(arrivals, (s, live) => refreshSnapshot(s, live, minN).snapshot);
        states += published.length;
        expect(smallestStep(published)).toBeGreaterThanOrEqual(minN);
      }),
      { numRuns: 300 },
    );
    console.log('snapshot property: 300 runs,', states, 'published states checked');
    expect(states).toBeGreaterThan(2 * 300);
  });

  it('fails the same check when results are live (one arrival, one visible step)', () => {
    const live = (s: Snapshot, counters: Map<string, Map<string, number>>): Snapshot => ({
      version: s.version + 1,
      schools: new Map(counters),
    });
    const arrivals = [
      { school: 'a', answers: { q1: { likert: 4 }, q2: { likert: 4 } } as Record<string, Answer> },
      { school: 'a', answers: { q1: { likert: 1 }, q2: { likert: 1 } } as Record<string, Answer> },
    ];
    expect(smallestStep(publishedStates(arrivals, live))).toBe(1);
  });
});
