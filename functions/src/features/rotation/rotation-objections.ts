import type { ObjectionBody } from '../../../../shared';
import { inNoticePeriod } from './domain/notice-period';
import { ApiError, ConflictError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import type { ObjectionItem, RotationBatchItem } from './rotation-items';
import { newId } from '../identity/domain/invite-codes';
import { screenText } from '../../wechat/text-screening';

export const OBJECTION_ID = /^ob-\d{14}-[a-z0-9]{12}$/;

type Deps = Pick<Infrastructure, 'config' | 'wechat' | 'logger' | 'rotation' | 'now'>;

export class ContentRefusedError extends ApiError {
  constructor() {
    super(400, 'CONTENT_REFUSED', '异议内容未通过微信内容安全检查，未被提交。请修改措辞后重新提交');
  }
}

/**
 * 异议 during the 公示期: any logged-in user, text screened by WeChat first. A refused text is
 * never stored; a held one is stored for an admin to read with that warning.
 */
export async function fileObjection(deps: Deps, user: RequestUser, batch: RotationBatchItem, body: ObjectionBody): Promise<ObjectionItem> {
  const now = deps.now();
  if (batch.status !== 'published' || batch.supersededBy || !inNoticePeriod(batch, now)) {
    throw new ConflictError('NOT_IN_NOTICE_PERIOD', `只能在公示期内提出异议（本批次公示期：${batch.noticeStart} 至 ${batch.noticeEnd}）`);
  }
  if (body.assignmentId && !(await deps.rotation.listAssignments(batch.id)).some((a) => a.id === body.assignmentId)) {
    throw new NotFoundError('本批次中没有该交流人员');
  }
  const verdict = await screenText(deps, user, body.text);
  if (verdict === 'refused') throw new ContentRefusedError();
  // Sortable by time (the id starts with the creation instant) and safe in a URL path.
  const objection: ObjectionItem = {
    kind: 'rotation-objection',
    id: `ob-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${newId('x').slice(2)}`,
    batchId: batch.id,
    assignmentId: body.assignmentId,
    text: body.text,
    screening: verdict === 'visible' ? 'passed' : 'held',
    createdAt: now.toISOString(),
    resolution: null,
    resolvedBy: null,
    resolvedAt: null,
  };
  await deps.rotation.putObjection(objection);
  return objection;
}
