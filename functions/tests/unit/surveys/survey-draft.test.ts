import {
  blankQuestion,
  counterProblem,
  countersPerResponse,
  draftIdOf,
  draftOwnerOf,
  MAX_COUNTERS_PER_RESPONSE,
  moveQuestion,
  nextOptionId,
  nextQuestionId,
  QuestionSchema,
  SurveyDefinitionSchema,
  SurveyDraftContentSchema,
  type QuestionType,
} from '../../../../shared';
import { templateSurvey } from '../../../../tests/support/surveys';

const TYPES: QuestionType[] = ['likert', 'single', 'multiple', 'nps', 'text'];

describe('the survey builder domain', () => {
  it('allocates the next question id past the highest ever issued, so a deleted id is never reused', () => {
    // Prepare: q1..q3 were issued, then q3 was deleted.
    const afterDelete = [{ id: 'q1' }, { id: 'q2' }];
    // Act
    const next = nextQuestionId(afterDelete, 3);
    const fromNothing = nextQuestionId([]);
    const fromGaps = nextQuestionId([{ id: 'q7' }, { id: 'q2' }]);
    // Assess
    expect(next).toEqual({ id: 'q4', issued: 4 });
    expect(fromNothing).toEqual({ id: 'q1', issued: 1 });
    expect(fromGaps).toEqual({ id: 'q8', issued: 8 });
  });

  it('moves a question up or down by swapping it with its neighbour, and leaves the ends alone', () => {
    // Prepare
    const list = ['q1', 'q2', 'q3'];
    // Act
    const up = moveQuestion(list, 2, -1);
    const down = moveQuestion(list, 0, 1);
    const pastTop = moveQuestion(list, 0, -1);
    const pastBottom = moveQuestion(list, 2, 1);
    // Assess
    expect(up).toEqual(['q1', 'q3', 'q2']);
    expect(down).toEqual(['q2', 'q1', 'q3']);
    expect(pastTop).toEqual(list);
    expect(pastBottom).toEqual(list);
    expect(list).toEqual(['q1', 'q2', 'q3']);
  });

  it('counts one counter per scored answer, a multiple choice by its maximum, and none for text', () => {
    // Prepare
    const questions = [
      { type: 'likert' as const },
      { type: 'single' as const },
      { type: 'nps' as const },
      { type: 'text' as const },
      { type: 'multiple' as const, max: 5 },
    ];
    // Act
    const count = countersPerResponse(questions);
    // Assess
    expect(count).toBe(8);
  });

  it('explains a survey over the 96-counter budget in Chinese, and says nothing for one that fits', () => {
    // Prepare
    const fits = Array.from({ length: MAX_COUNTERS_PER_RESPONSE }, () => ({ type: 'single' as const }));
    const over = [...fits, { type: 'multiple' as const, max: 3 }];
    // Act
    const none = counterProblem(fits);
    const reason = counterProblem(over);
    // Assess
    expect(none).toBeNull();
    expect(reason).toContain('统计项 99 个，超过上限 96');
    expect(reason).toContain('多选题按“最多可选”计');
  });

  it('makes a blank question of every type that becomes valid once titled', () => {
    // Act
    const checked = TYPES.map((type) => QuestionSchema.safeParse({ ...blankQuestion(type, 'q1'), title: '一道题' }).success);
    // Assess
    expect(checked).toEqual([true, true, true, true, true]);
  });

  it('names option ids a..z and then o27, never one in use', () => {
    // Act
    const afterB = nextOptionId([{ id: 'a' }, { id: 'c' }]);
    const allLetters = nextOptionId('abcdefghijklmnopqrstuvwxyz'.split('').map((id) => ({ id })));
    // Assess
    expect(afterB).toBe('b');
    expect(allLetters).toBe('o27');
  });

  it('reads a draft id back into its owner, and nothing from a malformed one', () => {
    // Act
    const group = draftOwnerOf(draftIdOf({ type: 'group', id: 'jn-jingwu' }, 'abcdefghijkl'));
    const district = draftOwnerOf('d.jinan-shizhong.abcdefghijkl');
    const forged = draftOwnerOf('x.jinan-shizhong.abcdefghijkl');
    // Assess
    expect(group).toEqual({ type: 'group', id: 'jn-jingwu' });
    expect(district).toEqual({ type: 'district', id: 'jinan-shizhong' });
    expect(forged).toBeNull();
  });

  it('keeps an incomplete draft but refuses duplicate question ids in it', () => {
    // Act
    const incomplete = SurveyDraftContentSchema.safeParse({ questions: [{ id: 'q1', type: 'single', title: '' }] });
    const duplicated = SurveyDraftContentSchema.safeParse({
      questions: [
        { id: 'q1', type: 'text', title: 'a' },
        { id: 'q1', type: 'text', title: 'b' },
      ],
    });
    // Assess
    expect(incomplete.success).toBe(true);
    expect(duplicated.success).toBe(false);
  });

  it('reports a full check at the field of each problem with a Chinese message', () => {
    // Prepare
    const definition = templateSurvey({ districtId: 'jinan-shizhong' });
    const broken = { ...definition, questions: definition.questions.map((q, i) => (i === 2 ? { ...q, title: ' ' } : q)) };
    // Act
    const checked = SurveyDefinitionSchema.safeParse(broken);
    // Assess
    expect(checked.success).toBe(false);
    expect(checked.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['questions.2.title', '请填写题目']]);
  });
});
