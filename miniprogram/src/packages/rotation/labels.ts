import type { RotationAssignment, RotationBatch } from '../../../../shared';
import { BATCH_STATUS_LABELS } from '../../../../shared/rotation/rotation-labels';

/** The lines every rotation page shows the same way. */
export const statusLabel = (batch: Pick<RotationBatch, 'status'>) => BATCH_STATUS_LABELS[batch.status];
export const periodText = (batch: Pick<RotationBatch, 'noticeStart' | 'noticeEnd'>) => `公示期 ${batch.noticeStart} 至 ${batch.noticeEnd}`;
export const assignmentText = (a: RotationAssignment) =>
  `${a.subject} · ${a.fromSchoolName} → ${a.toSchoolName} · ${a.type} · ${a.startMonth} 至 ${a.endMonth}${a.backboneLevel !== '无' ? ` · ${a.backboneLevel}骨干` : ''}${a.transferPersonnel ? ' · 调动人事关系' : ''}`;
