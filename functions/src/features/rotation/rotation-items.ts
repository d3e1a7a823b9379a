import type { BatchStatusChange, RotationAssignment, RotationSettings, StoredBatchStatus } from '../../../../shared';

/** Stored shapes (keys omitted). Who changed a batch is a pseudonymous user key, never a name. */
export type RotationBatchItem = {
  kind: 'rotation-batch';
  id: string;
  districtId: string;
  groupId: string | null;
  title: string;
  schoolYear: string;
  noticeStart: string;
  noticeEnd: string;
  status: StoredBatchStatus;
  supersedes: string | null;
  supersededBy: string | null;
  assignmentCount: number;
  history: BatchStatusChange[];
};

export type RotationAssignmentItem = RotationAssignment & { kind: 'rotation-assignment'; batchId: string };

/** No author is stored: the objection is judged on its text, and a user's deletion leaves nothing behind. */
export type ObjectionItem = {
  kind: 'rotation-objection';
  id: string;
  batchId: string;
  assignmentId: string | null;
  text: string;
  /** held: WeChat content security asked for a human review before anyone acts on it. */
  screening: 'passed' | 'held';
  createdAt: string;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /**
   * HMAC of the receipt the filer keeps (我的异议); absent on objections filed before receipts
   * existed. It names no one: the receipt lives only on the filer's phone.
   */
  receiptHash?: string;
};

export type EligibleCountItem = { kind: 'eligible-teachers'; schoolId: string; schoolYear: string; eligible: number; updatedAt: string };
export type RotationSettingsItem = RotationSettings & { kind: 'rotation-settings'; districtId: string };
