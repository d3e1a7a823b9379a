import type { ApiResponse, BatchMeta, ImportIssue, RotationSettings } from '../../../shared';
import { callEndpoint } from './endpoint';

/** One typed function per rotation (交流轮岗) endpoint; every answer's type is the API contract's (shared/api). */

export function listBatches(scope: { districtId: string } | { groupId: string }): Promise<ApiResponse<'GET /api/rotation/batches'>> {
  return callEndpoint('GET /api/rotation/batches', { query: scope });
}

export function getBatch(
  id: string,
  search: { teacher?: string; school?: string } = {},
): Promise<ApiResponse<'GET /api/rotation/batches/:id'>> {
  return callEndpoint('GET /api/rotation/batches/:id', { params: { id }, query: search });
}

export function getMyRotation(): Promise<ApiResponse<'GET /api/me/rotation'>> {
  return callEndpoint('GET /api/me/rotation');
}

export function fileObjection(
  batchId: string,
  text: string,
  assignmentId: string | null,
): Promise<ApiResponse<'POST /api/rotation/batches/:id/objections'>> {
  return callEndpoint('POST /api/rotation/batches/:id/objections', { params: { id: batchId }, body: { text, assignmentId } });
}

/** 400 IMPORT_INVALID carries `details.issues`: every bad cell with row, column and message. */
export type ImportIssues = ImportIssue[];

export function importBatch(
  meta: Omit<BatchMeta, 'noticeEnd'> & { noticeEnd?: string },
  format: 'xlsx' | 'csv',
  fileBase64: string,
): Promise<ApiResponse<'POST /api/admin/rotation/batches/import'>> {
  return callEndpoint('POST /api/admin/rotation/batches/import', { body: { meta, format, file: fileBase64 } });
}

export function listDistrictBatches(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/rotation/batches'>> {
  return callEndpoint('GET /api/admin/districts/:id/rotation/batches', { params: { id: districtId } });
}

/** Drafts only: a published batch is corrected by a new batch that supersedes it. */
export function updateDraft(
  id: string,
  fields: { title: string; noticeStart: string; noticeEnd?: string },
): Promise<ApiResponse<'PUT /api/admin/rotation/batches/:id'>> {
  return callEndpoint('PUT /api/admin/rotation/batches/:id', { params: { id }, body: fields });
}

export function listGroupBatches(groupId: string): Promise<ApiResponse<'GET /api/admin/groups/:id/rotation/batches'>> {
  return callEndpoint('GET /api/admin/groups/:id/rotation/batches', { params: { id: groupId } });
}

export function publishBatch(id: string): Promise<ApiResponse<'POST /api/admin/rotation/batches/:id/publish'>> {
  return callEndpoint('POST /api/admin/rotation/batches/:id/publish', { params: { id } });
}

export function withdrawBatch(id: string): Promise<ApiResponse<'POST /api/admin/rotation/batches/:id/withdraw'>> {
  return callEndpoint('POST /api/admin/rotation/batches/:id/withdraw', { params: { id } });
}

export function listObjections(batchId: string): Promise<ApiResponse<'GET /api/admin/rotation/batches/:id/objections'>> {
  return callEndpoint('GET /api/admin/rotation/batches/:id/objections', { params: { id: batchId } });
}

export function resolveObjection(
  batchId: string,
  objectionId: string,
  resolution: string,
): Promise<ApiResponse<'POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve'>> {
  return callEndpoint('POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve', {
    params: { id: batchId, objectionId },
    body: { resolution },
  });
}

export function putEligibleTeachers(
  schoolId: string,
  schoolYear: string,
  eligible: number,
): Promise<ApiResponse<'PUT /api/admin/schools/:id/eligible-teachers'>> {
  return callEndpoint('PUT /api/admin/schools/:id/eligible-teachers', { params: { id: schoolId }, body: { schoolYear, eligible } });
}

export function getCompliance(
  districtId: string,
  schoolYear: string,
): Promise<ApiResponse<'GET /api/admin/districts/:id/rotation/compliance'>> {
  return callEndpoint('GET /api/admin/districts/:id/rotation/compliance', { params: { id: districtId }, query: { schoolYear } });
}

export function getRotationSettings(districtId: string): Promise<ApiResponse<'GET /api/admin/districts/:id/rotation/settings'>> {
  return callEndpoint('GET /api/admin/districts/:id/rotation/settings', { params: { id: districtId } });
}

/** Replaces the district's settings as a whole (thresholds, holidays and 调休 working days). */
export function putRotationSettings(
  districtId: string,
  settings: RotationSettings,
): Promise<ApiResponse<'PUT /api/admin/districts/:id/rotation/settings'>> {
  return callEndpoint('PUT /api/admin/districts/:id/rotation/settings', { params: { id: districtId }, body: settings });
}

/** 我的异议: the status of the objection a receipt (kept on this phone) names. */
export function getObjectionStatus(receipt: string): Promise<ApiResponse<'GET /api/rotation/objection-receipts/:receipt'>> {
  return callEndpoint('GET /api/rotation/objection-receipts/:receipt', { params: { receipt } });
}
