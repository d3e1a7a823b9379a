import type { BatchDetail, BatchMeta, ImportBody, RotationBatch } from '../../../../shared';
import { addWorkingDays, NOTICE_WORKING_DAYS } from './domain/working-days';
import { chinaDate } from './domain/notice-period';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import type { RotationAssignmentItem, RotationBatchItem } from './rotation-items';
import { newId } from '../identity/domain/invite-codes';
import { readRotationFile } from './rotation-file';
import { validateRows, type GroupSchools, type SchoolRef } from './rotation-rows';
import { assignmentView, BATCH_ID, BATCH_NOT_FOUND, batchList, batchView } from './batch-view';

type Deps = Pick<Infrastructure, 'catalog' | 'rotation' | 'now'>;
/** Who changed a batch: only the pseudonymous key is kept. */
type Author = Pick<RequestUser, 'userKey'>;
export type BatchEdit = { title: string; noticeStart: string; noticeEnd?: string };

/** An admin's batches: import, edit before publishing, publish, withdraw, and the admin lists. */
export class RotationService {
  constructor(private readonly deps: Deps) {}

  async get(batchId: string): Promise<RotationBatchItem> {
    const batch = BATCH_ID.test(batchId) ? await this.deps.rotation.getBatch(batchId) : null;
    if (!batch) throw new NotFoundError(BATCH_NOT_FOUND);
    return batch;
  }

  /** Every batch of the district, drafts and withdrawn ones included. */
  async ofDistrict(districtId: string): Promise<RotationBatch[]> {
    return batchList(await this.deps.rotation.listBatchesOfDistrict(districtId), this.deps.now());
  }

  /** A group's batches are those made for that group alone (the ones its admins manage). */
  async ofGroup(groupId: string): Promise<RotationBatch[]> {
    const found = await this.deps.catalog.getGroupWithMembers(groupId, currentTerm(this.deps));
    if (!found) throw new NotFoundError('未找到该教育集团');
    const batches = await this.deps.rotation.listBatchesOfDistrict(found.group.districtId);
    return batchList(
      batches.filter((b) => b.groupId === groupId),
      this.deps.now(),
    );
  }

  /** The batch with its history and every assignment, as its admins see it. */
  async detail(batch: RotationBatchItem): Promise<BatchDetail> {
    const assignments = await this.deps.rotation.listAssignments(batch.id);
    return { batch: batchView(batch, this.deps.now()), history: batch.history, assignments: assignments.map(assignmentView) };
  }

  /**
   * All or nothing: any bad row and nothing is written; the answer lists every bad cell. The
   * rows may only name schools where the batch lies (docs/rotation.md).
   */
  async importBatch({ meta, format, file }: ImportBody, by: Author): Promise<RotationBatch> {
    const [noticeEnd, schools] = await Promise.all([this.noticeEndOf(meta), this.schoolsByName(meta.districtId)]);
    const group = await this.checkPlacement(meta);
    const rows = await readRotationFile(format, Buffer.from(file, 'base64'));
    const { assignments, issues } = validateRows(rows, schools, group);
    if (issues.length > 0) {
      const badRows = new Set(issues.map((i) => i.row)).size;
      throw new ValidationError(`导入未完成：${badRows} 行有错误，请修改后重新上传（本次未导入任何数据）`, { issues }, 'IMPORT_INVALID');
    }
    const now = this.deps.now();
    const batch: RotationBatchItem = {
      kind: 'rotation-batch',
      id: newId('rb'),
      ...meta,
      noticeEnd,
      status: 'draft',
      supersededBy: null,
      assignmentCount: assignments.length,
      history: [{ status: 'draft', by: by.userKey, at: now.toISOString() }],
    };
    const items: RotationAssignmentItem[] = assignments.map((a) => ({ ...a, kind: 'rotation-assignment', batchId: batch.id }));
    await this.deps.rotation.createBatch(batch, items);
    return batchView(batch, now);
  }

  async editDraft(batch: RotationBatchItem, fields: BatchEdit): Promise<RotationBatch> {
    const noticeEnd = await this.noticeEndOf({ ...fields, districtId: batch.districtId });
    if (!(await this.deps.rotation.updateDraft(batch.id, { ...fields, noticeEnd }))) throw this.notDraft();
    return batchView({ ...batch, ...fields, noticeEnd }, this.deps.now());
  }

  /** Publishes a draft; the answer is the batch as stored afterwards. */
  async publish(batch: RotationBatchItem, by: Author): Promise<RotationBatch> {
    if (batch.status !== 'draft') throw this.notDraft();
    const today = chinaDate(this.deps.now());
    if (batch.noticeEnd < today)
      throw new ConflictError('NOTICE_PERIOD_PASSED', `公示期（${batch.noticeStart} 至 ${batch.noticeEnd}）已过，请先修改公示期再发布`);
    if (!(await this.deps.rotation.publish(batch, by.userKey, this.deps.now().toISOString()))) {
      throw new ConflictError('CANNOT_PUBLISH', batch.supersedes ? '被更正的批次已被其他批次更正或不再公示，无法发布' : '只能发布草稿');
    }
    return this.reread(batch.id);
  }

  /** Withdraws a draft or a batch in its 公示期; the answer is the batch as stored afterwards. */
  async withdraw(batch: RotationBatchItem, by: Author): Promise<RotationBatch> {
    const now = this.deps.now();
    if (!(await this.deps.rotation.withdraw(batch.id, chinaDate(now), by.userKey, now.toISOString()))) {
      throw new ConflictError('CANNOT_WITHDRAW', '只能撤回草稿或公示期内的批次；已生效的批次请发布更正批次');
    }
    return this.reread(batch.id);
  }

  private async reread(batchId: string): Promise<RotationBatch> {
    return batchView(await this.get(batchId), this.deps.now());
  }

  private notDraft() {
    return new ConflictError('BATCH_NOT_DRAFT', '已发布或已撤回的批次不能修改；如需更正，请导入新批次并注明更正的批次');
  }

  private async noticeEndOf(meta: { districtId: string; noticeStart: string; noticeEnd?: string }): Promise<string> {
    if (meta.noticeEnd) {
      if (meta.noticeEnd < meta.noticeStart) throw new ValidationError('公示结束日期不能早于开始日期');
      return meta.noticeEnd;
    }
    const { holidays, makeupWorkdays } = await this.deps.rotation.getSettings(meta.districtId);
    return addWorkingDays(meta.noticeStart, NOTICE_WORKING_DAYS, { holidays, makeupWorkdays });
  }

  /**
   * The group must be the district's; a correction must name a published batch of the same
   * district and group. Answers a group batch's schools this term (every membership role
   * counts, as it does for access scopes), or null for a district batch.
   */
  private async checkPlacement(meta: BatchMeta): Promise<GroupSchools | null> {
    if (!(await this.deps.catalog.getDistrict(meta.districtId))) throw new NotFoundError('未找到该区县');
    let group: GroupSchools | null = null;
    if (meta.groupId) {
      const found = await this.deps.catalog.getGroupWithMembers(meta.groupId, currentTerm(this.deps));
      if (!found || found.group.districtId !== meta.districtId)
        throw new ValidationError('该教育集团不属于所选区县', undefined, 'GROUP_NOT_IN_DISTRICT');
      group = { name: found.group.name, schoolIds: new Set(found.members.map((m) => m.schoolId)) };
    }
    if (meta.supersedes) {
      const old = await this.deps.rotation.getBatch(meta.supersedes);
      // Same scope too: a group's admins must not retire a district-wide notice with a group batch.
      if (!old || old.districtId !== meta.districtId || old.groupId !== meta.groupId || old.status !== 'published' || old.supersededBy) {
        throw new ConflictError('CANNOT_SUPERSEDE', '只能更正同一范围内已发布且未被更正的批次');
      }
    }
    return group;
  }

  /** A school is named in a file by its name or an alias, among its district's schools only. */
  private async schoolsByName(districtId: string): Promise<Map<string, SchoolRef>> {
    const map = new Map<string, SchoolRef>();
    for (const school of await this.deps.catalog.listSchoolsOfDistrict(districtId)) {
      for (const name of [school.name, ...(school.aliases ?? [])]) if (!map.has(name)) map.set(name, { id: school.id, name: school.name });
    }
    return map;
  }
}
