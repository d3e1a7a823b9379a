import { SURVEY_TEMPLATES, SurveyDefinitionSchema, type Question } from '../../../../shared';
import { templateSurvey } from '../../../../tests/support/surveys';
import { validateResponse } from '../../../src/features/surveys/domain/validate-response';

const template = SURVEY_TEMPLATES.find((t) => t.id === 'parent-satisfaction-5')!;
const full = { q1: { likert: 4 }, q2: { likert: 3 }, q3: { unknown: true as const }, q4: { likert: 2 }, q5: { likert: 4 } };

describe('validateResponse', () => {
  it('counts a complete response: likert values, 不了解 separately, optional questions skipped', () => {
    const result = validateResponse(template, { ...full, q6: { nps: 9 } });
    expect(result).toEqual({
      ok: true,
      value: {
        counted: [
          { questionId: 'q1', options: ['4'] },
          { questionId: 'q2', options: ['3'] },
          { questionId: 'q3', options: ['unknown'] },
          { questionId: 'q4', options: ['2'] },
          { questionId: 'q5', options: ['4'] },
          { questionId: 'q6', options: ['9'] },
        ],
        texts: [],
        likertValues: [4, 3, 2, 4],
      },
    });
  });

  it('lists every problem, per question, and counts nothing', () => {
    const result = validateResponse(template, {
      q1: { likert: 5 },
      q2: { choice: 'a' },
      q4: { likert: 1 },
      q5: { likert: 1 },
      q7: { text: '字'.repeat(501) },
      q99: { likert: 1 },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      { questionId: 'q99', message: '问卷中没有这道题' },
      { questionId: 'q1', message: '请选择一个选项' },
      { questionId: 'q2', message: '请选择一个选项' },
      { questionId: 'q3', message: '此题为必答题' },
      { questionId: 'q7', message: '不能超过 500 字' },
    ]);
  });

  it('checks option ids and min/max of multiple choice', () => {
    const questions: Question[] = [
      {
        id: 'q1',
        type: 'multiple',
        title: '孩子参加的活动',
        required: true,
        min: 1,
        max: 2,
        options: [
          { id: 'a', label: '社团' },
          { id: 'b', label: '竞赛' },
          { id: 'c', label: '研学' },
        ],
      },
    ];
    expect(validateResponse({ questions }, { q1: { choices: ['a', 'b', 'c'] } })).toMatchObject({
      ok: false,
      problems: [{ message: '请选择 1–2 项' }],
    });
    expect(validateResponse({ questions }, { q1: { choices: ['a', 'x'] } })).toMatchObject({
      ok: false,
      problems: [{ message: '包含无效选项' }],
    });
    expect(validateResponse({ questions }, { q1: { choices: ['a', 'a'] } })).toMatchObject({ ok: false });
    expect(validateResponse({ questions }, { q1: { choices: ['c', 'a'] } })).toMatchObject({
      ok: true,
      value: { counted: [{ questionId: 'q1', options: ['c', 'a'] }] },
    });
  });

  it('keeps text answers apart from the counters, trimmed', () => {
    const result = validateResponse(template, { ...full, q7: { text: '  希望多组织集团内的交流活动  ' } });
    expect(result.ok && result.value.texts).toEqual([{ questionId: 'q7', text: '希望多组织集团内的交流活动' }]);
  });
});

describe('survey definitions', () => {
  it('refuse more counted options than one DynamoDB transaction can hold', () => {
    const base = templateSurvey({ districtId: 'jinan-shizhong' });
    const many = Array.from({ length: 97 }, (_, i) => ({ id: `q${i + 1}`, type: 'nps' as const, title: `题 ${i + 1}`, required: false }));
    expect(SurveyDefinitionSchema.safeParse(base).success).toBe(true);
    expect(SurveyDefinitionSchema.safeParse({ ...base, questions: many.slice(0, 96) }).success).toBe(true);
    expect(SurveyDefinitionSchema.safeParse({ ...base, questions: many }).success).toBe(false);
  });
});
