import fc from 'fast-check';
import type { Answer, Question } from '../../../../shared';
import { flatCounters, recount } from '../../../src/features/surveys/domain/recount';
import { responseCounters, tally } from '../../../src/features/surveys/domain/response-counters';
import { validateResponse } from '../../../src/features/surveys/domain/validate-response';
import { likert4 } from './disclosure/fixtures';

/**
 * Published numbers are reproducible from raw answers: whatever parents send, recounting the
 * stored responses (what AP29 holds) gives exactly the counters their submissions added (AP28),
 * including a multiple-choice question's respondents, valid returns and straight-lining.
 */
const QUESTIONS: Question[] = [
  likert4('q1'),
  likert4('q2', false),
  {
    id: 'q3',
    type: 'multiple',
    title: '孩子参加了哪些课后服务？',
    required: false,
    min: 1,
    max: 3,
    options: [
      { id: 'a', label: '体育' },
      { id: 'b', label: '艺术' },
      { id: 'c', label: '科技' },
    ],
  } as Question,
  { id: 'q4', type: 'nps', title: '推荐度', required: false },
  { id: 'q5', type: 'text', title: '建议', required: false },
];

const sheet = fc.record(
  {
    q1: fc.oneof(
      fc.integer({ min: 1, max: 4 }).map((likert) => ({ likert }) as Answer),
      fc.constant({ unknown: true } as Answer),
    ),
    q2: fc.integer({ min: 1, max: 4 }).map((likert) => ({ likert }) as Answer),
    q3: fc.subarray(['a', 'b', 'c'], { minLength: 1 }).map((choices) => ({ choices }) as Answer),
    q4: fc.integer({ min: 0, max: 10 }).map((nps) => ({ nps }) as Answer),
    q5: fc.constant({ text: '多开展体育活动' } as Answer),
  },
  { requiredKeys: ['q1'] },
);
const arrival = fc.record({ schoolId: fc.constantFrom('a', 'b', 'c'), answers: sheet });

describe('recount of stored responses', () => {
  it('equals the counters the submissions added, school by school', () => {
    fc.assert(
      fc.property(fc.array(arrival, { maxLength: 60 }), (arrivals) => {
        // Prepare: what each submission adds, and what it stores (as SurveyService.respond does).
        const added = new Map<string, Map<string, number>>();
        const stored: Array<{ schoolId: string; answers: Record<string, string[]> }> = [];
        for (const { schoolId, answers } of arrivals) {
          const checked = validateResponse({ questions: QUESTIONS }, answers);
          if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
          added.set(schoolId, tally(added.get(schoolId) ?? new Map(), responseCounters(QUESTIONS, checked.value)));
          stored.push({ schoolId, answers: Object.fromEntries(checked.value.counted.map((c) => [c.questionId, c.options])) });
        }

        // Act
        const recounted = recount(QUESTIONS, stored);

        // Assess
        expect(flatCounters(recounted)).toEqual(flatCounters(added));
      }),
      { seed: 20261202, numRuns: 200 },
    );
  });
});
