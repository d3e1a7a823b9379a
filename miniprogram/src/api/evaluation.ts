import type { ApiResponse, RoundPublication } from '../../../shared';
import { callEndpoint } from './endpoint';

/** One typed function per evaluation endpoint; every answer's type is the API contract's (shared/api). */

export function listDistrictRounds(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/rounds'>> {
  return callEndpoint('GET /api/admin/districts/:id/rounds', { params: { id: districtId } });
}

export function listGroupRounds(groupId: string): Promise<ApiResponse<'GET /api/admin/groups/:id/rounds'>> {
  return callEndpoint('GET /api/admin/groups/:id/rounds', { params: { id: groupId } });
}

/** From a template as it is (`templateId`), or from an edited indicator system (`system`). */
export function createRound(
  input: { districtId: string; name: string; surveyIds: string[]; previousRoundId: string | null } & (
    | { templateId: 'jinan-shizhong' | 'haidian' }
    | { system: unknown }
  ),
): Promise<ApiResponse<'POST /api/admin/rounds'>> {
  return callEndpoint('POST /api/admin/rounds', { body: input });
}

export function getRoundReport(id: string): Promise<ApiResponse<'GET /api/admin/rounds/:id/report'>> {
  return callEndpoint('GET /api/admin/rounds/:id/report', { params: { id } });
}

export function getGroupReport(roundId: string, groupId: string): Promise<ApiResponse<'GET /api/admin/rounds/:id/groups/:groupId'>> {
  return callEndpoint('GET /api/admin/rounds/:id/groups/:groupId', { params: { id: roundId, groupId } });
}

export interface ManualScoreInput {
  schoolId: string;
  dimensionId: string;
  indicatorId: string;
  score: number;
  evidence: string;
  enteredBy: string;
}

export function putManualScore(roundId: string, input: ManualScoreInput): Promise<ApiResponse<'PUT /api/admin/rounds/:id/scores'>> {
  return callEndpoint('PUT /api/admin/rounds/:id/scores', { params: { id: roundId }, body: input });
}

/** `confirmIncomplete`: lock although some school or group has no complete score (the server refuses otherwise). */
export function lockRound(id: string, confirmIncomplete: boolean): Promise<ApiResponse<'POST /api/admin/rounds/:id/lock'>> {
  return callEndpoint('POST /api/admin/rounds/:id/lock', { params: { id }, body: { confirmIncomplete } });
}

export function setPublication(id: string, publication: RoundPublication): Promise<ApiResponse<'PUT /api/admin/rounds/:id/publication'>> {
  return callEndpoint('PUT /api/admin/rounds/:id/publication', { params: { id }, body: publication });
}

/** A file, not JSON (NON_JSON_ENDPOINTS): opened by export-file.ts, not through the contract. */
export const roundExportPath = (id: string) => `/admin/rounds/${encodeURIComponent(id)}/export`;

export function getPublicEvaluation(groupId: string): Promise<ApiResponse<'GET /api/groups/:id/evaluation'>> {
  return callEndpoint('GET /api/groups/:id/evaluation', { params: { id: groupId } });
}

/** The manual-score template of a round (file endpoint: GET /api/admin/rounds/:id/scores/template). */
export const scoreTemplatePath = (id: string) => `/admin/rounds/${encodeURIComponent(id)}/scores/template`;

/** The file checked (`apply: false`: the preview) or stored all or nothing (`apply: true`). */
export function importScores(
  roundId: string,
  input: { format: 'xlsx' | 'csv'; file: string; apply: boolean },
): Promise<ApiResponse<'POST /api/admin/rounds/:id/scores/import'>> {
  return callEndpoint('POST /api/admin/rounds/:id/scores/import', { params: { id: roundId }, body: input });
}

export function listIndicatorSystems(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/indicator-systems'>> {
  return callEndpoint('GET /api/admin/districts/:id/indicator-systems', { params: { id: districtId } });
}

/** `replace`: save over the district's system of the same name (the server refuses otherwise, 409 NAME_TAKEN). */
export function saveIndicatorSystem(
  districtId: string,
  input: { name: string; system: unknown; replace: boolean },
): Promise<ApiResponse<'POST /api/admin/districts/:id/indicator-systems'>> {
  return callEndpoint('POST /api/admin/districts/:id/indicator-systems', { params: { id: districtId }, body: input });
}
