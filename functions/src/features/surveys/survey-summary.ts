import type { SurveyDefinition, SurveyStatus, SurveySummary } from '../../../../shared';
import type { SurveyItem } from './survey-items';

/** ISO times compare as strings; a survey is open from opensAt up to (not including) closesAt. */
export const surveyStatus = ({ opensAt, closesAt }: Pick<SurveyDefinition, 'opensAt' | 'closesAt'>, now: string): SurveyStatus =>
  now < opensAt ? 'scheduled' : now >= closesAt ? 'closed' : 'open';

export const summarise = (survey: SurveyItem, now: string): SurveySummary => ({
  id: survey.id,
  title: survey.definition.title,
  opensAt: survey.definition.opensAt,
  closesAt: survey.definition.closesAt,
  status: surveyStatus(survey.definition, now),
});

/** Lists show the latest-opening survey first. */
export const byOpensAtDesc = (a: { opensAt: string }, b: { opensAt: string }) => b.opensAt.localeCompare(a.opensAt);
