import { SURVEY_TEMPLATES, type SurveyDefinition } from '../../shared';

/** A survey from the 家长满意度 template, open from an hour ago for a week (unless told otherwise). */
export function templateSurvey(
  audience: Partial<SurveyDefinition['audience']> & { districtId: string },
  times: { opensAt?: string; closesAt?: string } = {},
  templateId = 'parent-satisfaction-5',
): SurveyDefinition {
  const template = SURVEY_TEMPLATES.find((t) => t.id === templateId)!;
  return {
    title: template.title,
    description: template.description,
    audience: { groupIds: [], schoolIds: [], respondents: ['parent'], ...audience },
    opensAt: times.opensAt ?? new Date(Date.now() - 3600_000).toISOString(),
    closesAt: times.closesAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    anonymous: true,
    questions: template.questions,
  };
}

/** A complete, valid answer sheet for the 家长满意度 template (value 4 = 满意). */
export function satisfactionAnswers(value = 4) {
  return { q1: { likert: value }, q2: { likert: value }, q3: { likert: value }, q4: { likert: value }, q5: { likert: value } };
}
