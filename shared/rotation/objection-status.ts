/**
 * 我的异议 (issue 15): an objection's state as its receipt's holder sees it (types only). The
 * answer names the batch and the resolution, never who filed it or who resolved it.
 */
export interface ObjectionStatus {
  id: string;
  batchId: string;
  batchTitle: string;
  text: string;
  createdAt: string;
  /** 待处理 (pending) until a district admin records a resolution (已处理). */
  status: 'pending' | 'resolved';
  resolution: string | null;
  resolvedAt: string | null;
}
