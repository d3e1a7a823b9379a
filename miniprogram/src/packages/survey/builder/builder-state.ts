import type { Question } from '../../../../../shared';
import type { DraftQuestion, SurveyDraftContent } from '../../../../../shared/surveys/survey-draft';
import type { SurveyTemplate } from '../../../../../shared/surveys/survey-templates';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** A China date (YYYY-MM-DD) of an instant: what the date pickers show. */
export const chinaDay = (iso: string) => new Date(new Date(iso).getTime() + CHINA).toISOString().slice(0, 10);
/** A survey opens at the start of its first China day and closes at the end of its last. */
export const opensAtOf = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
export const closesAtOf = (day: string) => new Date(`${day}T23:59:59+08:00`).toISOString();

/** A new survey: open from today for two weeks, for parents, from a template's questions or none. */
export function newContent(now: Date, template?: SurveyTemplate): SurveyDraftContent {
  const today = chinaDay(now.toISOString());
  return {
    title: template?.title ?? '',
    description: template?.description ?? '',
    opensAt: opensAtOf(today),
    closesAt: closesAtOf(chinaDay(new Date(now.getTime() + 13 * DAY).toISOString())),
    audience: { groupIds: [], schoolIds: [], respondents: [template?.respondent ?? 'parent'] },
    questions: template ? template.questions.map((q) => ({ ...q })) : [],
    questionsIssued: template?.questions.length ?? 0,
  };
}

/**
 * A draft question as a respondent would get it once published (the schema's defaults filled
 * in), for the preview: it renders through the answer page's own QuestionField.
 */
export function asPublished(q: DraftQuestion): Question {
  const required = q.required ?? q.type !== 'text';
  switch (q.type) {
    case 'likert':
      return {
        id: q.id,
        type: 'likert',
        title: q.title,
        required,
        dimension: q.dimension ?? '',
        labels: q.labels ?? [],
        allowUnknown: q.allowUnknown ?? true,
        satisfiedTopBoxes: q.satisfiedTopBoxes ?? 1,
      };
    case 'single':
      return { id: q.id, type: 'single', title: q.title, required, options: q.options ?? [] };
    case 'multiple':
      return { id: q.id, type: 'multiple', title: q.title, required, options: q.options ?? [], min: q.min ?? 0, max: q.max ?? 1 };
    case 'nps':
      return { id: q.id, type: 'nps', title: q.title, required, ...(q.dimension ? { dimension: q.dimension } : {}) };
    case 'text':
      return { id: q.id, type: 'text', title: q.title, required };
  }
}

/** The usual labels for each scale length, most favourable first (an admin may retype them). */
export const SCALE_LABELS: Record<number, string[]> = {
  3: ['满意', '基本满意', '不满意'],
  4: ['满意', '比较满意', '基本满意', '不满意'],
  5: ['非常满意', '满意', '一般', '不满意', '非常不满意'],
  7: ['非常满意', '满意', '比较满意', '一般', '比较不满意', '不满意', '非常不满意'],
};

/** Field errors of the questions shift with them: after a move or delete only the rest are kept. */
export function withoutQuestionErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !path.startsWith('questions')));
}
