import type {
  BatchMeta,
  ComplianceReport,
  ComplianceUnit,
  ImportIssue,
  RotationAssignment,
  RotationBatch,
  RotationSettings,
} from '../../../shared';
import { request } from './request';

/** One typed function per rotation (交流轮岗) endpoint. */

export function listBatches(scope: { districtId: string } | { groupId: string }): Promise<{ items: RotationBatch[] }> {
  return request({ path: '/rotation/batches', query: scope });
}

export function getBatch(
  id: string,
  search: { teacher?: string; school?: string } = {},
): Promise<{ batch: RotationBatch; assignments: RotationAssignment[] }> {
  return request({ path: `/rotation/batches/${encodeURIComponent(id)}`, query: search });
}

export interface MyRotation extends RotationAssignment {
  batch: RotationBatch;
  toSchool: { id: string; name: string; address: string | null; groups: Array<{ id: string; name: string }> };
}

export function getMyRotation(): Promise<{ teacherBound: boolean; items: MyRotation[] }> {
  return request({ path: '/me/rotation' });
}

export function fileObjection(
  batchId: string,
  text: string,
  assignmentId: string | null,
): Promise<{ id: string; held: boolean; message: string }> {
  return request({ method: 'POST', path: `/rotation/batches/${encodeURIComponent(batchId)}/objections`, body: { text, assignmentId } });
}

/** 400 IMPORT_INVALID carries `details.issues`: every bad cell with row, column and message. */
export type ImportIssues = ImportIssue[];

export function importBatch(
  meta: Omit<BatchMeta, 'noticeEnd'> & { noticeEnd?: string },
  format: 'xlsx' | 'csv',
  fileBase64: string,
): Promise<{ batch: RotationBatch }> {
  return request({ method: 'POST', path: '/admin/rotation/batches/import', body: { meta, format, file: fileBase64 } });
}

export function listDistrictBatches(districtId: string): Promise<{ items: RotationBatch[] }> {
  return request({ path: `/admin/districts/${encodeURIComponent(districtId)}/rotation/batches` });
}

/** Drafts only: a published batch is corrected by a new batch that supersedes it. */
export function updateDraft(
  id: string,
  fields: { title: string; noticeStart: string; noticeEnd?: string },
): Promise<{ batch: RotationBatch }> {
  return request({ method: 'PUT', path: `/admin/rotation/batches/${encodeURIComponent(id)}`, body: fields });
}

export function listGroupBatches(groupId: string): Promise<{ items: RotationBatch[] }> {
  return request({ path: `/admin/groups/${encodeURIComponent(groupId)}/rotation/batches` });
}

export function publishBatch(id: string): Promise<{ batch: RotationBatch }> {
  return request({ method: 'POST', path: `/admin/rotation/batches/${encodeURIComponent(id)}/publish` });
}

export function withdrawBatch(id: string): Promise<{ batch: RotationBatch }> {
  return request({ method: 'POST', path: `/admin/rotation/batches/${encodeURIComponent(id)}/withdraw` });
}

export interface Objection {
  id: string;
  assignmentId: string | null;
  /** Whom it is about; null for an objection to the whole batch. */
  teacherName: string | null;
  text: string;
  screening: 'passed' | 'held';
  createdAt: string;
  resolution: string | null;
  resolvedAt: string | null;
}

export function listObjections(batchId: string): Promise<{ items: Objection[] }> {
  return request({ path: `/admin/rotation/batches/${encodeURIComponent(batchId)}/objections` });
}

export function resolveObjection(batchId: string, objectionId: string, resolution: string): Promise<{ ok: true }> {
  return request({
    method: 'POST',
    path: `/admin/rotation/batches/${encodeURIComponent(batchId)}/objections/${encodeURIComponent(objectionId)}/resolve`,
    body: { resolution },
  });
}

export function putEligibleTeachers(schoolId: string, schoolYear: string, eligible: number): Promise<{ schoolId: string }> {
  return request({
    method: 'PUT',
    path: `/admin/schools/${encodeURIComponent(schoolId)}/eligible-teachers`,
    body: { schoolYear, eligible },
  });
}

export type { ComplianceUnit };

export function getCompliance(districtId: string, schoolYear: string): Promise<ComplianceReport> {
  return request({ path: `/admin/districts/${encodeURIComponent(districtId)}/rotation/compliance`, query: { schoolYear } });
}

const settingsPath = (districtId: string) => `/admin/districts/${encodeURIComponent(districtId)}/rotation/settings`;

export function getRotationSettings(districtId: string): Promise<RotationSettings> {
  return request({ path: settingsPath(districtId) });
}

/** Replaces the district's settings as a whole (thresholds, holidays and 调休 working days). */
export function putRotationSettings(districtId: string, settings: RotationSettings): Promise<RotationSettings> {
  return request({ method: 'PUT', path: settingsPath(districtId), body: settings });
}
