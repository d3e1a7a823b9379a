import type { GroupReportView, PublicGroupEvaluation, RoundPublication, RoundReport, RoundSummary } from '../../../shared';
import { request } from './request';

/** One typed function per evaluation endpoint. */

const round = (id: string) => `/admin/rounds/${encodeURIComponent(id)}`;

export function listDistrictRounds(districtId: string): Promise<{ items: RoundSummary[] }> {
  return request({ path: `/admin/districts/${encodeURIComponent(districtId)}/rounds` });
}

export function listGroupRounds(groupId: string): Promise<{ items: RoundSummary[] }> {
  return request({ path: `/admin/groups/${encodeURIComponent(groupId)}/rounds` });
}

/** From a template as it is (`templateId`), or from an edited indicator system (`system`). */
export function createRound(
  input: { districtId: string; name: string; surveyIds: string[]; previousRoundId: string | null } & (
    | { templateId: 'jinan-shizhong' | 'haidian' }
    | { system: unknown }
  ),
): Promise<{ id: string }> {
  return request({ method: 'POST', path: '/admin/rounds', body: input });
}

export function getRoundReport(id: string): Promise<RoundReport> {
  return request({ path: `${round(id)}/report` });
}

export function getGroupReport(roundId: string, groupId: string): Promise<GroupReportView> {
  return request({ path: `${round(roundId)}/groups/${encodeURIComponent(groupId)}` });
}

export interface ManualScoreInput {
  schoolId: string;
  dimensionId: string;
  indicatorId: string;
  score: number;
  evidence: string;
  enteredBy: string;
}

export function putManualScore(roundId: string, input: ManualScoreInput): Promise<{ ok: true }> {
  return request({ method: 'PUT', path: `${round(roundId)}/scores`, body: input });
}

export function lockRound(id: string): Promise<{ id: string; locked: true }> {
  return request({ method: 'POST', path: `${round(id)}/lock` });
}

export function setPublication(id: string, publication: RoundPublication): Promise<RoundPublication & { id: string }> {
  return request({ method: 'PUT', path: `${round(id)}/publication`, body: publication });
}

export const roundExportPath = (id: string) => `${round(id)}/export`;

export function getPublicEvaluation(groupId: string): Promise<{ evaluation: PublicGroupEvaluation | null }> {
  return request({ path: `/groups/${encodeURIComponent(groupId)}/evaluation` });
}
