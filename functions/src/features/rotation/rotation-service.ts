import type { BatchMeta, RotationBatch } from '../../../../shared';
import { addWorkingDays, NOTICE_WORKING_DAYS } from './domain/working-days';
import { batchStatus, chinaDate } from './domain/notice-period';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RotationAssignmentItem, RotationBatchItem } from './rotation-items';
import { newId } from '../identity/domain/invite-codes';
import { readRotationFile } from './rotation-file';
import { validateRows, type SchoolRef } from './rotation-rows';

type Deps = Pick<Infrastructure, 'catalog' | 'rotation' | 'now'>;
export const BATCH_ID = /^rb-[a-z0-9]{1,32}$/;
const PUBLIC_STATUSES = new Set(['publicizing', 'effective']);

/** A stored batch as the API shows it (status derived from today's date in China). */
export function batchView(batch: RotationBatchItem, now: Date): RotationBatch {
  const { kind: _kind, history: _history, status, ...rest } = batch;
  return { ...rest, status: batchStatus(status, batch.noticeEnd, now) };
}

export const isPublic = (batch: RotationBatchItem, now: Date) => PUBLIC_STATUSES.has(batchStatus(batch.status, batch.noticeEnd, now));

/** Batches: import, edit before publishing, publish, withdraw. */
export class RotationService {
  constructor(private readonly deps: Deps) {}

  async get(batchId: string): Promise<RotationBatchItem> {
    const batch = BATCH_ID.test(batchId) ? await this.deps.rotation.getBatch(batchId) : null;
    if (!batch) throw new NotFoundError('未找到该交流轮岗批次');
    return batch;
  }

  /** Public reads see only 公示中 and 已生效 batches; anything else does not exist for them. */
  async getPublic(batchId: string): Promise<RotationBatchItem> {
    const batch = await this.get(batchId);
    if (!isPublic(batch, this.deps.now())) throw new NotFoundError('未找到该交流轮岗批次');
    return batch;
  }

  /** All or nothing: any bad row and nothing is written; the answer lists every bad cell. */
  async importBatch(meta: BatchMeta, format: 'xlsx' | 'csv', fileBase64: string, by: string): Promise<RotationBatchItem> {
    const [noticeEnd, schools] = await Promise.all([this.noticeEndOf(meta), this.schoolsByName(meta.districtId)]);
    await this.checkPlacement(meta);
    const rows = await readRotationFile(format, Buffer.from(fileBase64, 'base64'));
    const { assignments, issues } = validateRows(rows, schools);
    if (issues.length > 0) {
      const badRows = new Set(issues.map((i) => i.row)).size;
      throw new ValidationError(`导入未完成：${badRows} 行有错误，请修改后重新上传（本次未导入任何数据）`, { issues }, 'IMPORT_INVALID');
    }
    const at = this.deps.now().toISOString();
    const batch: RotationBatchItem = {
      kind: 'rotation-batch',
      id: newId('rb'),
      ...meta,
      noticeEnd,
      status: 'draft',
      supersededBy: null,
      assignmentCount: assignments.length,
      history: [{ status: 'draft', by, at }],
    };
    const items: RotationAssignmentItem[] = assignments.map((a) => ({ ...a, kind: 'rotation-assignment', batchId: batch.id }));
    await this.deps.rotation.createBatch(batch, items);
    return batch;
  }

  async editDraft(
    batch: RotationBatchItem,
    fields: { title: string; noticeStart: string; noticeEnd?: string },
  ): Promise<RotationBatchItem> {
    const noticeEnd = await this.noticeEndOf({ ...fields, districtId: batch.districtId });
    if (!(await this.deps.rotation.updateDraft(batch.id, { ...fields, noticeEnd }))) throw this.notDraft();
    return { ...batch, ...fields, noticeEnd };
  }

  async publish(batch: RotationBatchItem, by: string): Promise<void> {
    if (batch.status !== 'draft') throw this.notDraft();
    const today = chinaDate(this.deps.now());
    if (batch.noticeEnd < today)
      throw new ConflictError('NOTICE_PERIOD_PASSED', `公示期（${batch.noticeStart} 至 ${batch.noticeEnd}）已过，请先修改公示期再发布`);
    if (!(await this.deps.rotation.publish(batch, by, this.deps.now().toISOString()))) {
      throw new ConflictError('CANNOT_PUBLISH', batch.supersedes ? '被更正的批次已被其他批次更正或不再公示，无法发布' : '只能发布草稿');
    }
  }

  async withdraw(batch: RotationBatchItem, by: string): Promise<void> {
    const now = this.deps.now();
    if (!(await this.deps.rotation.withdraw(batch.id, chinaDate(now), by, now.toISOString()))) {
      throw new ConflictError('CANNOT_WITHDRAW', '只能撤回草稿或公示期内的批次；已生效的批次请发布更正批次');
    }
  }

  async assignments(batchId: string, filter: { teacher?: string; school?: string } = {}): Promise<RotationAssignmentItem[]> {
    const all = await this.deps.rotation.listAssignments(batchId);
    return all.filter(
      (a) =>
        (!filter.teacher || a.teacherName.includes(filter.teacher)) &&
        (!filter.school || a.fromSchoolName.includes(filter.school) || a.toSchoolName.includes(filter.school)),
    );
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

  /** The group must be the district's; a correction must name a published batch of the same district and group. */
  private async checkPlacement(meta: BatchMeta): Promise<void> {
    if (!(await this.deps.catalog.getDistrict(meta.districtId))) throw new NotFoundError('未找到该区县');
    if (meta.groupId) {
      const group = await this.deps.catalog.getGroupWithMembers(meta.groupId);
      if (!group || group.group.districtId !== meta.districtId)
        throw new ValidationError('该教育集团不属于所选区县', undefined, 'GROUP_NOT_IN_DISTRICT');
    }
    if (meta.supersedes) {
      const old = await this.deps.rotation.getBatch(meta.supersedes);
      // Same scope too: a group's admins must not retire a district-wide notice with a group batch.
      if (!old || old.districtId !== meta.districtId || old.groupId !== meta.groupId || old.status !== 'published' || old.supersededBy) {
        throw new ConflictError('CANNOT_SUPERSEDE', '只能更正同一范围内已发布且未被更正的批次');
      }
    }
  }

  /** A school is named in a file by its name or an alias. */
  private async schoolsByName(districtId: string): Promise<Map<string, SchoolRef>> {
    const map = new Map<string, SchoolRef>();
    for (const school of await this.deps.catalog.listSchoolsOfDistrict(districtId)) {
      for (const name of [school.name, ...(school.aliases ?? [])]) if (!map.has(name)) map.set(name, { id: school.id, name: school.name });
    }
    return map;
  }
}
