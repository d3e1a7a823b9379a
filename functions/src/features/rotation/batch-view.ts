import type { RotationAssignment, RotationBatch } from '../../../../shared';
import { batchStatus } from './domain/notice-period';
import type { RotationAssignmentItem, RotationBatchItem } from './rotation-items';

export const BATCH_ID = /^rb-[a-z0-9]{1,32}$/;
export const BATCH_NOT_FOUND = '未找到该交流轮岗批次';
const PUBLIC_STATUSES = new Set(['publicizing', 'effective']);

/** A stored batch as the API shows it (status derived from today's date in China). */
export function batchView(batch: RotationBatchItem, now: Date): RotationBatch {
  const { kind: _kind, history: _history, status, ...rest } = batch;
  return { ...rest, status: batchStatus(status, batch.noticeEnd, now) };
}

/** Batches as lists show them: the latest 公示 first. */
export const batchList = (batches: RotationBatchItem[], now: Date): RotationBatch[] =>
  batches.map((b) => batchView(b, now)).sort((a, b) => b.noticeStart.localeCompare(a.noticeStart));

export const assignmentView = ({ kind: _kind, batchId: _batchId, ...assignment }: RotationAssignmentItem): RotationAssignment => assignment;

export const isPublic = (batch: RotationBatchItem, now: Date) => PUBLIC_STATUSES.has(batchStatus(batch.status, batch.noticeEnd, now));
