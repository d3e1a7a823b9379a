import type { BatchStatusChange, RotationAssignment, RotationBatch } from './rotation';

/** What the rotation (交流轮岗) endpoints answer, besides compliance (rotation-compliance.ts). Types only. */

/** A batch after an admin's write (import, edit, publish, withdraw). */
export interface BatchAnswer {
  batch: RotationBatch;
}

/** A public batch and its assignments (searched by teacher or school name). */
export interface BatchNotice {
  batch: RotationBatch;
  assignments: RotationAssignment[];
}

/** A batch as its admins see it: with its history and every assignment. */
export interface BatchDetail extends BatchNotice {
  history: BatchStatusChange[];
}

/** One assignment in 我的交流, with its batch and the receiving school's groups. */
export interface MyRotation extends RotationAssignment {
  batchId: string;
  batch: RotationBatch;
  /** The catalogue holds no street addresses yet: address is null until it does. */
  toSchool: { id: string; name: string; address: string | null; groups: Array<{ id: string; name: string }> };
}

export interface MyRotations {
  /** False when the caller has no teacher binding (so nothing could be found). */
  teacherBound: boolean;
  items: MyRotation[];
}

/** A filed objection: held ones wait for a human review of their text. */
export interface ObjectionReceipt {
  id: string;
  held: boolean;
  message: string;
  /**
   * The filer's proof, kept on their phone (我的异议): the server stores only its HMAC on the
   * objection, never who filed it, and answers the status to whoever shows the receipt.
   */
  receipt: string;
}

/** An objection as district admins read it; never who resolved it. */
export interface Objection {
  id: string;
  batchId: string;
  assignmentId: string | null;
  /** Whom it is about; null for an objection to the whole batch. */
  teacherName: string | null;
  text: string;
  screening: 'passed' | 'held';
  createdAt: string;
  resolution: string | null;
  resolvedAt: string | null;
}

/** A school's count of teachers eligible to rotate in a school year. */
export interface EligibleCount {
  schoolYear: string;
  eligible: number;
}

export interface EligibleCountSet extends EligibleCount {
  schoolId: string;
}
