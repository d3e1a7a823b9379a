import type { Objection, ObjectionBody, ObjectionStatus } from '../../../../shared';
import { OBJECTION_ID, OBJECTION_NOT_FOUND } from './domain/objection-id';
import { inNoticePeriod } from './domain/notice-period';
import { ApiError, ConflictError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import type { ObjectionItem, RotationBatchItem } from './rotation-items';
import { newId } from '../identity/domain/invite-codes';
import { screenText } from '../../wechat/text-screening';
import { newReceipt, RECEIPT_NOT_FOUND, receiptHash, receiptMatches, receiptTarget } from './objection-receipts';

type Deps = Pick<Infrastructure, 'config' | 'wechat' | 'logger' | 'rotation' | 'now'>;

export class ContentRefusedError extends ApiError {
  constructor() {
    super(400, 'CONTENT_REFUSED', '异议内容未通过微信内容安全检查，未被提交。请修改措辞后重新提交');
  }
}

/** 异议: filed by anyone signed in during the 公示期, read and resolved by district admins. */
export class ObjectionService {
  constructor(private readonly deps: Deps) {}

  /**
   * Any logged-in user, text screened by WeChat first. A refused text is never stored; a held
   * one is stored for an admin to read with that warning.
   */
  async file(batch: RotationBatchItem, body: ObjectionBody, user: RequestUser): Promise<{ id: string; held: boolean; receipt: string }> {
    const now = this.deps.now();
    if (batch.status !== 'published' || batch.supersededBy || !inNoticePeriod(batch, now)) {
      throw new ConflictError('NOT_IN_NOTICE_PERIOD', `只能在公示期内提出异议（本批次公示期：${batch.noticeStart} 至 ${batch.noticeEnd}）`);
    }
    if (body.assignmentId && !(await this.deps.rotation.listAssignments(batch.id)).some((a) => a.id === body.assignmentId)) {
      throw new NotFoundError('本批次中没有该交流人员');
    }
    const verdict = await screenText(this.deps, user, body.text);
    if (verdict === 'refused') throw new ContentRefusedError();
    // Sortable by time (the id starts with the creation instant) and safe in a URL path.
    const id = `ob-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${newId('x').slice(2)}`;
    const receipt = newReceipt(batch.id, id);
    const objection: ObjectionItem = {
      kind: 'rotation-objection',
      id,
      batchId: batch.id,
      assignmentId: body.assignmentId,
      text: body.text,
      screening: verdict === 'visible' ? 'passed' : 'held',
      createdAt: now.toISOString(),
      resolution: null,
      resolvedBy: null,
      resolvedAt: null,
      receiptHash: receiptHash(this.deps.config.auth.pseudonymSecret, receipt),
    };
    await this.deps.rotation.putObjection(objection);
    return { id: objection.id, held: objection.screening === 'held', receipt };
  }

  /** 我的异议: the status of the objection a receipt names; 404 for a wrong or unknown receipt alike. */
  async status(receipt: string): Promise<ObjectionStatus> {
    const target = receiptTarget(receipt);
    const objection = target && (await this.deps.rotation.getObjection(target.batchId, target.objectionId));
    if (!objection || !receiptMatches(this.deps.config.auth.pseudonymSecret, receipt, objection.receiptHash)) {
      throw new NotFoundError(RECEIPT_NOT_FOUND);
    }
    const batch = await this.deps.rotation.getBatch(objection.batchId);
    return {
      id: objection.id,
      batchId: objection.batchId,
      batchTitle: batch?.title ?? '',
      text: objection.text,
      createdAt: objection.createdAt,
      status: objection.resolution === null ? 'pending' : 'resolved',
      resolution: objection.resolution,
      resolvedAt: objection.resolvedAt,
    };
  }

  /** A batch's objections; the admin reads whom one is about by name, never who resolved it. */
  async list(batch: RotationBatchItem): Promise<Objection[]> {
    const [objections, assignments] = await Promise.all([
      this.deps.rotation.listObjections(batch.id),
      this.deps.rotation.listAssignments(batch.id),
    ]);
    const names = new Map(assignments.map((a) => [a.id, a.teacherName]));
    return objections.map(({ kind: _kind, resolvedBy: _by, receiptHash: _receipt, ...o }) => ({
      ...o,
      teacherName: o.assignmentId ? (names.get(o.assignmentId) ?? null) : null,
    }));
  }

  /** Records a resolution once: 404 for no such objection, 409 if it already has one. */
  async resolve(batch: RotationBatchItem, objectionId: string, resolution: string, by: Pick<RequestUser, 'userKey'>): Promise<void> {
    if (!OBJECTION_ID.test(objectionId)) throw new NotFoundError(OBJECTION_NOT_FOUND);
    const at = this.deps.now().toISOString();
    if (await this.deps.rotation.resolveObjection(batch.id, objectionId, resolution, by.userKey, at)) return;
    const exists = (await this.deps.rotation.listObjections(batch.id)).some((o) => o.id === objectionId);
    if (!exists) throw new NotFoundError(OBJECTION_NOT_FOUND);
    throw new ConflictError('OBJECTION_RESOLVED', '该异议已有处理结果');
  }
}
