import type { Answer, SurveyDefinition } from '../../../shared';
import { request } from './request';

/** One typed function per survey endpoint. */

export interface SurveySummary {
  id: string;
  title: string;
  opensAt: string;
  closesAt: string;
  status: 'scheduled' | 'open' | 'closed';
}

export interface MySurvey extends SurveySummary {
  schoolIds: string[];
  answered: boolean;
}

export function listMySurveys(): Promise<{ items: MySurvey[] }> {
  return request({ path: '/me/surveys' });
}

export function getSurvey(id: string): Promise<{ id: string; definition: SurveyDefinition; status: SurveySummary['status'] }> {
  return request({ path: `/surveys/${encodeURIComponent(id)}` });
}

export function submitResponse(id: string, schoolId: string, answers: Record<string, Answer>): Promise<{ ok: true }> {
  return request({ method: 'POST', path: `/surveys/${encodeURIComponent(id)}/responses`, body: { schoolId, answers } });
}

export function listDistrictSurveys(districtId: string): Promise<{ items: SurveySummary[] }> {
  return request({ path: `/admin/districts/${encodeURIComponent(districtId)}/surveys` });
}

/** Shapes in functions/src/features/surveys/survey-results.ts; the page reads what it shows. */
export interface HiddenCell {
  suppressed: true;
  label: string;
}
export interface LikertCell {
  suppressed: false;
  type: 'likert';
  index: { index: number | null };
  satisfaction: { rate: number | null };
  meetsThreshold: boolean | null;
}
export interface OtherCell {
  suppressed: false;
  type: 'single' | 'multiple' | 'nps' | 'text';
}
export interface UnitResult {
  level: 'school' | 'group' | 'district';
  id: string;
  name: string;
  responses: { suppressed: true; label: string } | { suppressed: false; n: number; rate: { rate: number | null; low: boolean | null } };
  questions: Record<string, HiddenCell | LikertCell | OtherCell>;
}

export function getResults(id: string): Promise<{ surveyId: string; title: string; minN: number; units: UnitResult[] }> {
  return request({ path: `/admin/surveys/${encodeURIComponent(id)}/results` });
}

export function createSurvey(definition: SurveyDefinition, minN?: number): Promise<{ id: string; minN: number }> {
  return request({ method: 'POST', path: '/admin/surveys', body: { definition, ...(minN ? { minN } : {}) } });
}

export function closeSurvey(id: string): Promise<{ id: string; closesAt: string }> {
  return request({ method: 'POST', path: `/admin/surveys/${encodeURIComponent(id)}/close` });
}

export function listGroupSurveys(groupId: string): Promise<{ items: SurveySummary[] }> {
  return request({ path: `/admin/groups/${encodeURIComponent(groupId)}/surveys` });
}
