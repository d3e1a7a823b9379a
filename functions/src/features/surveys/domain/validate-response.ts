import type { Answer, Question, SurveyDefinition } from '../../../../../shared';
import { TEXT_ANSWER_MAX } from '../../../../../shared/limits';

export interface AnswerProblem {
  questionId: string;
  /** Chinese, shown beside the question. */
  message: string;
}

/** What one validated answer adds to the counters: (question, option) pairs. */
export interface CountedAnswer {
  questionId: string;
  /** Likert value ('1'..'k' or 'unknown'), option id, or NPS score ('0'..'10'). */
  options: string[];
}

export interface ValidResponse {
  counted: CountedAnswer[];
  texts: Array<{ questionId: string; text: string }>;
  /** Likert values given (不了解 excluded), for straight-lining. */
  likertValues: number[];
}

const answered = (a: Answer | undefined): a is Answer =>
  a !== undefined && !('text' in a && a.text.trim() === '') && !('choices' in a && a.choices.length === 0);

/**
 * Checks a response against its survey: every required question answered, each answer of the
 * question's kind, option ids that exist, counts within min/max, text length; unknown question
 * ids refused. Either every problem (per question) or what to count: an incomplete response
 * never counts.
 */
export function validateResponse(
  survey: Pick<SurveyDefinition, 'questions'>,
  answers: Record<string, Answer>,
): { ok: true; value: ValidResponse } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const value: ValidResponse = { counted: [], texts: [], likertValues: [] };
  const known = new Set(survey.questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) problems.push({ questionId: id, message: '问卷中没有这道题' });

  for (const question of survey.questions) {
    const answer = answers[question.id];
    if (!answered(answer)) {
      if (question.required) problems.push({ questionId: question.id, message: '此题为必答题' });
      continue;
    }
    const problem = checkAnswer(question, answer, value);
    if (problem) problems.push({ questionId: question.id, message: problem });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Returns a problem, or records what the answer counts and returns null. */
function checkAnswer(question: Question, answer: Answer, value: ValidResponse): string | null {
  switch (question.type) {
    case 'likert': {
      if ('unknown' in answer) {
        if (!question.allowUnknown) return '此题没有“不了解”选项';
        value.counted.push({ questionId: question.id, options: ['unknown'] });
        return null;
      }
      if (!('likert' in answer) || answer.likert > question.labels.length) return '请选择一个选项';
      value.counted.push({ questionId: question.id, options: [String(answer.likert)] });
      value.likertValues.push(answer.likert);
      return null;
    }
    case 'single': {
      if (!('choice' in answer) || !question.options.some((o) => o.id === answer.choice)) return '请选择一个有效选项';
      value.counted.push({ questionId: question.id, options: [answer.choice] });
      return null;
    }
    case 'multiple': {
      if (!('choices' in answer)) return '请选择选项';
      const chosen = [...new Set(answer.choices)];
      if (chosen.length !== answer.choices.length || chosen.some((c) => !question.options.some((o) => o.id === c))) return '包含无效选项';
      if (chosen.length < question.min || chosen.length > question.max) return `请选择 ${question.min}–${question.max} 项`;
      value.counted.push({ questionId: question.id, options: chosen });
      return null;
    }
    case 'nps': {
      if (!('nps' in answer)) return '请选择 0–10 分';
      value.counted.push({ questionId: question.id, options: [String(answer.nps)] });
      return null;
    }
    case 'text': {
      if (!('text' in answer)) return '请填写文字';
      const text = answer.text.trim();
      if ([...text].length > TEXT_ANSWER_MAX) return `不能超过 ${TEXT_ANSWER_MAX} 字`;
      value.texts.push({ questionId: question.id, text });
      return null;
    }
  }
}
