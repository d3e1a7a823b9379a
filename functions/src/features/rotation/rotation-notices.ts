import type { BatchNotice, MyRotations, RotationBatch } from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { TeacherBindingItem } from '../identity/identity-items';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import { assignmentView, BATCH_NOT_FOUND, batchList, batchView, isPublic } from './batch-view';
import { rotationTemplate } from './rotation-file';
import type { RotationBatchItem } from './rotation-items';
import type { RotationService } from './rotation-service';

type Deps = Pick<Infrastructure, 'catalog' | 'rotation' | 'now'>;
export type NoticeScope = { groupId: string } | { districtId: string };
export type NoticeSearch = { teacher?: string; school?: string };

/** What everyone sees: 公示中 and 已生效 batches, the import template, and a teacher's 我的交流. */
export class RotationNotices {
  constructor(
    private readonly deps: Deps,
    private readonly batches: Pick<RotationService, 'get'>,
  ) {}

  template(format: 'xlsx' | 'csv'): Promise<Buffer> {
    return rotationTemplate(format);
  }

  /** Public reads see only 公示中 and 已生效 batches; anything else does not exist for them. */
  async get(batchId: string): Promise<RotationBatchItem> {
    const batch = await this.batches.get(batchId);
    if (!isPublic(batch, this.deps.now())) throw new NotFoundError(BATCH_NOT_FOUND);
    return batch;
  }

  /** A district's public batches, or a group's own (not the district-wide ones). */
  async list(scope: NoticeScope): Promise<RotationBatch[]> {
    let districtId: string;
    if ('groupId' in scope) {
      const group = await this.deps.catalog.getGroupWithMembers(scope.groupId, currentTerm(this.deps));
      if (!group) throw new NotFoundError('未找到该教育集团');
      districtId = group.group.districtId;
    } else districtId = scope.districtId;
    const now = this.deps.now();
    const batches = (await this.deps.rotation.listBatchesOfDistrict(districtId)).filter(
      (b) => isPublic(b, now) && (!('groupId' in scope) || b.groupId === scope.groupId),
    );
    return batchList(batches, now);
  }

  /** A public batch and its assignments, searched by teacher name and by either school's name. */
  async notice(batch: RotationBatchItem, search: NoticeSearch): Promise<BatchNotice> {
    const all = await this.deps.rotation.listAssignments(batch.id);
    const assignments = all.filter(
      (a) =>
        (!search.teacher || a.teacherName.includes(search.teacher)) &&
        (!search.school || a.fromSchoolName.includes(search.school) || a.toSchoolName.includes(search.school)),
    );
    return { batch: batchView(batch, this.deps.now()), assignments: assignments.map(assignmentView) };
  }

  /**
   * 我的交流: the caller's assignments, found by each teacher binding's school and name, in
   * public batches not superseded, with the receiving school's address and groups (this term's).
   * Each batch and each receiving school is read once, however many assignments share it.
   */
  async mine(user: RequestUser): Promise<MyRotations> {
    const { rotation, catalog } = this.deps;
    const now = this.deps.now();
    const bindings = (await user.allItems()).filter((i): i is TeacherBindingItem => i.kind === 'teacher-binding');
    const found = (await Promise.all(bindings.map((b) => rotation.listAssignmentsOfTeacher(b.schoolId, b.name)))).flat();
    const batches = await readEach(
      found.map((a) => a.batchId),
      (id) => rotation.getBatch(id),
    );
    const shown = found.filter((a) => {
      const batch = batches.get(a.batchId);
      return batch && isPublic(batch, now) && !batch.supersededBy;
    });
    const term = currentTerm(this.deps);
    const receiving = shown.map((a) => a.toSchoolId);
    const [groups, schools] = await Promise.all([
      readEach(receiving, (id) => catalog.listGroupsOfSchool(id, term)),
      readEach(receiving, (id) => catalog.getSchoolWithCampuses(id)),
    ]);
    const items = shown.map(({ kind: _kind, ...assignment }) => ({
      ...assignment,
      batch: batchView(batches.get(assignment.batchId)!, now),
      // null where the district entered no address: never an invented one.
      toSchool: {
        id: assignment.toSchoolId,
        name: assignment.toSchoolName,
        address: schools.get(assignment.toSchoolId)?.school.address ?? null,
        groups: groups.get(assignment.toSchoolId)!.map((g) => ({ id: g.groupId, name: g.groupName })),
      },
    }));
    return { teacherBound: bindings.length > 0, items: items.sort((a, b) => b.startMonth.localeCompare(a.startMonth)) };
  }
}

/** Reads each distinct key once, in parallel. */
async function readEach<T>(ids: string[], read: (id: string) => Promise<T>): Promise<Map<string, T>> {
  const distinct = [...new Set(ids)];
  const values = await Promise.all(distinct.map(read));
  return new Map(distinct.map((id, i) => [id, values[i]]));
}
