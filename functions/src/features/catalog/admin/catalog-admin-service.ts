import {
  BUILTIN_GROUP_TYPES,
  nextTerm,
  termOf,
  type CampusesBody,
  type DistrictCatalog,
  type GroupCatalog,
  type GroupCreateBody,
  type GroupTypesWritten,
  type GroupUpdateBody,
  type GroupWritten,
  type MoveWritten,
  type SchoolFields,
  type SchoolMoveBody,
  type SchoolUpdateBody,
  type SchoolWritten,
} from '../../../../../shared';
import { NotFoundError } from '../../../errors';
import type { Infrastructure } from '../../../infrastructure';
import { catalogItem } from '../catalog-item-builders';
import type { DistrictItem, GroupItem, MembershipItem } from '../catalog-items';
import { publishCatalog } from '../catalog-snapshots';
import {
  ArchivedError,
  checkGroupType,
  fieldError,
  InUseError,
  newCatalogId,
  ReferenceOutsideDistrictError,
  staleVersion,
} from './catalog-admin-rules';
import { byChineseName } from '../domain/ordering';
import { adminGroup, adminMemberships, adminSchool } from './catalog-admin-views';
import { groupInUse, schoolInUse } from './catalog-in-use';
import { endOpenPeriods, membershipChange } from './membership-writes';

type Infra = Pick<Infrastructure, 'catalog' | 'catalogWrites' | 'surveys' | 'rotation' | 'evaluations' | 'staff' | 'now' | 'logger'>;

/** Where a new group's lead, members and partners come from in its create body. */
const GROUP_SOURCE = '区县管理员录入';

/**
 * The catalogue admin (issue 14): district admins write their district's group types, schools,
 * campuses, groups and memberships; group admins read their group. Every edit names the version
 * it was made on (409 CONFLICT 请刷新后重试 when another came first); after each write the
 * catalogue snapshot is published, so search follows at once here and within the TTL elsewhere.
 */
export class CatalogAdminService {
  constructor(private readonly infra: Infra) {}

  // ── reads ──────────────────────────────────────────────────────────────────────────────

  async districtCatalog(districtId: string): Promise<DistrictCatalog> {
    const { catalog } = this.infra;
    const [district, groups, schools, periods] = await Promise.all([
      this.district(districtId),
      catalog.listGroupsOfDistrict(districtId),
      catalog.listSchoolsOfDistrict(districtId),
      catalog.allPeriodsOfDistrict(districtId),
    ]);
    const current = this.currentTerm();
    return {
      district: {
        id: district.id,
        name: district.name,
        city: district.city,
        province: district.province,
        divisionCode: district.divisionCode ?? null,
        version: district.version ?? 0,
      },
      currentTerm: current,
      nextTerm: nextTerm(current),
      groupTypes: { builtin: [...BUILTIN_GROUP_TYPES], own: district.groupTypes ?? [] },
      groups: groups.map(adminGroup).sort(byChineseName),
      schools: await this.schoolViews(schools.map((s) => s.id)),
      memberships: adminMemberships(periods),
    };
  }

  async groupCatalog(groupId: string): Promise<GroupCatalog> {
    const { group, periods } = await this.group(groupId);
    return {
      group: adminGroup(group),
      currentTerm: this.currentTerm(),
      schools: await this.schoolViews([...new Set(periods.map((p) => p.schoolId))]),
      memberships: adminMemberships(periods),
    };
  }

  // ── the district ───────────────────────────────────────────────────────────────────────

  /** AP73. A type still given to a group of the district cannot be taken off the list. */
  async setGroupTypes(districtId: string, body: { version: number; types: string[] }): Promise<GroupTypesWritten> {
    const district = await this.district(districtId);
    expectVersion(district.version, body.version);
    const own = [...new Set(body.types.filter((t) => !(BUILTIN_GROUP_TYPES as readonly string[]).includes(t)))];
    const groups = await this.infra.catalog.listGroupsOfDistrict(districtId);
    for (const group of groups) checkGroupType(group.groupType, own, 'types');
    if (!(await this.infra.catalogWrites.setGroupTypes(districtId, body.version, own))) throw staleVersion();
    await this.publish();
    return { groupTypes: { builtin: [...BUILTIN_GROUP_TYPES], own }, version: body.version + 1 };
  }

  // ── schools ────────────────────────────────────────────────────────────────────────────

  /** AP74 */
  async createSchool(districtId: string, body: SchoolFields): Promise<SchoolWritten> {
    const district = await this.district(districtId);
    const item = catalogItem.school({ id: newCatalogId('s'), districtId, ...body }, district);
    if (!(await this.infra.catalogWrites.createSchool(item))) throw staleVersion();
    await this.publish();
    return { school: adminSchool(item, [], null) };
  }

  /** AP75: a rename (or a new stage) is copied onto every membership period of the school. */
  async updateSchool(schoolId: string, body: SchoolUpdateBody): Promise<SchoolWritten> {
    const { school, campuses } = await this.school(schoolId);
    expectVersion(school.version, body.version);
    const [district, periods] = await Promise.all([this.district(school.districtId), this.infra.catalog.allPeriodsOfSchool(schoolId)]);
    const { version, ...fields } = body;
    const item = catalogItem.school({ id: school.id, districtId: school.districtId, ...fields, archivedAt: school.archivedAt }, district);
    const copied = periods.filter((p) => p.schoolName !== item.name || p.stage !== item.stage);
    if (!(await this.infra.catalogWrites.updateSchool(item, version, copied))) throw staleVersion();
    await this.publish();
    return { school: adminSchool({ ...item, version: version + 1 }, campuses, await this.families(schoolId)) };
  }

  /** AP76: the whole list; a campus named by id keeps it, one without gets a new id. */
  async setCampuses(schoolId: string, body: CampusesBody): Promise<SchoolWritten> {
    const { school, campuses } = await this.school(schoolId);
    expectVersion(school.version, body.version);
    const known = new Set(campuses.map((c) => c.id));
    const seen = new Set<string>();
    body.campuses.forEach((c, i) => {
      if (c.id === undefined) return;
      if (!known.has(c.id)) throw fieldError(`campuses.${i}.id`, '该校区不存在，请刷新后重试');
      if (seen.has(c.id)) throw fieldError(`campuses.${i}.id`, '校区重复');
      seen.add(c.id);
    });
    const items = body.campuses.map((c) =>
      catalogItem.campus({ schoolId, id: c.id ?? newCatalogId('c'), name: c.name, address: c.address }),
    );
    const removed = campuses.filter((c) => !seen.has(c.id)).map((c) => c.id);
    if (!(await this.infra.catalogWrites.setCampuses(schoolId, body.version, items, removed))) throw staleVersion();
    await this.publish();
    return { school: adminSchool({ ...school, version: body.version + 1 }, items, await this.families(schoolId)) };
  }

  /** AP77: kept with its history; its open memberships end from the current term. */
  async archiveSchool(schoolId: string, version: number): Promise<SchoolWritten> {
    const { school, campuses } = await this.school(schoolId);
    expectVersion(school.version, version);
    if (school.archivedAt) throw new ArchivedError('该校已归档');
    const periods = await this.infra.catalog.allPeriodsOfSchool(schoolId);
    const archivedAt = this.infra.now().toISOString();
    const writes = endOpenPeriods(periods, this.currentTerm());
    if (!(await this.infra.catalogWrites.archiveSchool(schoolId, version, archivedAt, writes))) throw staleVersion();
    await this.publish();
    return { school: adminSchool({ ...school, archivedAt, version: version + 1 }, campuses, await this.families(schoolId)) };
  }

  /** AP78, after AP84 found nothing that names the school. */
  async deleteSchool(schoolId: string, version: number): Promise<void> {
    const { school, campuses } = await this.school(schoolId);
    expectVersion(school.version, version);
    const reasons = await schoolInUse(this.infra, school.districtId, schoolId);
    if (reasons.length > 0) throw new InUseError('校', reasons);
    const periods = await this.infra.catalog.allPeriodsOfSchool(schoolId);
    const campusIds = campuses.map((c) => c.id);
    if (!(await this.infra.catalogWrites.deleteSchool(schoolId, version, campusIds, periods))) throw staleVersion();
    await this.publish();
  }

  /** AP83: from `fromTerm` on the school leaves one group and/or joins another; earlier terms keep theirs. */
  async moveSchool(schoolId: string, body: SchoolMoveBody): Promise<MoveWritten> {
    const { school, campuses } = await this.school(schoolId);
    expectVersion(school.version, body.version);
    if (school.archivedAt) throw new ArchivedError('该校已归档，不能调整集团');
    const [from, to] = await Promise.all([
      body.fromGroupId === null ? null : this.groupIn(school.districtId, body.fromGroupId, 'fromGroupId'),
      body.toGroupId === null ? null : this.groupIn(school.districtId, body.toGroupId, 'toGroupId'),
    ]);
    if (to?.archivedAt) throw fieldError('toGroupId', '该集团已归档，不能调入');
    const periods = await this.infra.catalog.allPeriodsOfSchool(schoolId);
    const writes = membershipChange(school, periods, {
      fromGroupId: from?.id ?? null,
      to: to && { group: to, role: body.role },
      term: body.fromTerm,
      earliest: this.currentTerm(),
    });
    // The group names one lead school for all its terms (GroupItem.leadSchoolId): a lead that
    // left would still be shown leading. So the group gets another lead (or 共同发起) first.
    if (from && from.leadSchoolId === schoolId) {
      throw fieldError('fromGroupId', `${school.name}是${from.name}的牵头学校：请先在集团信息中更换牵头学校（或改为共同发起），再调出`);
    }
    if (!(await this.infra.catalogWrites.moveSchool(schoolId, body.version, writes))) throw staleVersion();
    await this.publish();
    const [after, families] = await Promise.all([this.infra.catalog.allPeriodsOfSchool(schoolId), this.families(schoolId)]);
    return { school: adminSchool({ ...school, version: body.version + 1 }, campuses, families), memberships: adminMemberships(after) };
  }

  // ── groups ─────────────────────────────────────────────────────────────────────────────

  /** AP79: the group and its first members, in force from `fromTerm`. */
  async createGroup(districtId: string, body: GroupCreateBody): Promise<GroupWritten> {
    const district = await this.district(districtId);
    checkGroupType(body.type, district.groupTypes);
    const seen = new Set<string>();
    body.members.forEach((m, i) => {
      if (seen.has(m.schoolId)) throw fieldError(`members.${i}.schoolId`, '成员校重复');
      seen.add(m.schoolId);
    });
    if (body.leadSchoolId !== null && !body.members.some((m) => m.schoolId === body.leadSchoolId && m.role === 'lead')) {
      throw fieldError('leadSchoolId', '牵头学校须是角色为牵头校的成员校；没有牵头学校请选择共同发起');
    }
    const group: Omit<GroupItem, 'kind'> = {
      id: newCatalogId('g'),
      districtId,
      name: body.name,
      groupType: body.type,
      leadSchoolId: body.leadSchoolId,
      partners: body.partners,
      source: GROUP_SOURCE,
    };
    const earliest = this.currentTerm();
    const starts = await Promise.all(
      body.members.map(async (m, i) => {
        const { school } = await this.schoolIn(districtId, m.schoolId, `members.${i}.schoolId`);
        if (school.archivedAt) throw fieldError(`members.${i}.schoolId`, `${school.name}已归档，不能加入集团`);
        const periods = await this.infra.catalog.allPeriodsOfSchool(m.schoolId);
        return membershipChange(school, periods, { fromGroupId: null, to: { group, role: m.role }, term: body.fromTerm, earliest }).start;
      }),
    );
    const item = catalogItem.group(group);
    if (!(await this.infra.catalogWrites.createGroup(item, starts.flat()))) throw staleVersion();
    await this.publish();
    return { group: adminGroup(item) };
  }

  /** AP80: a rename or a new type is copied onto every membership period of the group. */
  async updateGroup(groupId: string, body: GroupUpdateBody): Promise<GroupWritten> {
    const { group, periods } = await this.group(groupId);
    expectVersion(group.version, body.version);
    const district = await this.district(group.districtId);
    checkGroupType(body.type, district.groupTypes);
    if (body.leadSchoolId !== null) {
      await this.schoolIn(group.districtId, body.leadSchoolId, 'leadSchoolId');
      const leads = periods.some((p) => p.schoolId === body.leadSchoolId && p.role === 'lead' && p.untilTerm === undefined);
      if (!leads) throw fieldError('leadSchoolId', '牵头学校须是本集团角色为牵头校的成员校；没有牵头学校请选择共同发起');
    }
    const item = catalogItem.group({
      ...group,
      name: body.name,
      groupType: body.type,
      leadSchoolId: body.leadSchoolId,
      partners: body.partners,
    });
    const copied = periods.filter((p) => p.groupName !== item.name || p.groupType !== item.groupType);
    if (!(await this.infra.catalogWrites.updateGroup(item, body.version, copied))) throw staleVersion();
    await this.publish();
    return { group: adminGroup({ ...item, version: body.version + 1 }) };
  }

  /** AP81: kept with its history; its open memberships end from the current term. */
  async archiveGroup(groupId: string, version: number): Promise<GroupWritten> {
    const { group, periods } = await this.group(groupId);
    expectVersion(group.version, version);
    if (group.archivedAt) throw new ArchivedError('该集团已归档');
    const archivedAt = this.infra.now().toISOString();
    const writes = endOpenPeriods(periods, this.currentTerm());
    if (!(await this.infra.catalogWrites.archiveGroup(groupId, version, archivedAt, writes))) throw staleVersion();
    await this.publish();
    return { group: adminGroup({ ...group, archivedAt, version: version + 1 }) };
  }

  /** AP82, after AP84 found nothing that names the group. */
  async deleteGroup(groupId: string, version: number): Promise<void> {
    const { group, periods } = await this.group(groupId);
    expectVersion(group.version, version);
    const reasons = await groupInUse(this.infra, group.districtId, groupId);
    if (reasons.length > 0) throw new InUseError('集团', reasons);
    if (!(await this.infra.catalogWrites.deleteGroup(groupId, version, periods))) throw staleVersion();
    await this.publish();
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────

  private currentTerm() {
    return termOf(this.infra.now());
  }

  private async district(districtId: string): Promise<DistrictItem> {
    const district = await this.infra.catalog.getDistrict(districtId);
    if (!district) throw new NotFoundError('未找到该区县');
    return district;
  }

  private async school(schoolId: string) {
    const found = await this.infra.catalog.getSchoolWithCampuses(schoolId);
    if (!found) throw new NotFoundError('未找到该学校');
    return found;
  }

  private async group(groupId: string): Promise<{ group: GroupItem; periods: MembershipItem[] }> {
    const found = await this.infra.catalog.getGroupWithAllPeriods(groupId);
    if (!found) throw new NotFoundError('未找到该教育集团');
    return { group: found.group, periods: found.members };
  }

  /** A school the body names at `path`: it must be of the route's district. */
  private async schoolIn(districtId: string, schoolId: string, path: string) {
    const found = await this.infra.catalog.getSchoolWithCampuses(schoolId);
    if (!found) throw fieldError(path, `学校 ${schoolId} 不存在`);
    if (found.school.districtId !== districtId) throw new ReferenceOutsideDistrictError(path, `学校 ${schoolId} 不属于本区县`);
    return found;
  }

  private async groupIn(districtId: string, groupId: string, path: string): Promise<GroupItem> {
    const found = await this.infra.catalog.getGroupWithAllPeriods(groupId);
    if (!found) throw fieldError(path, `集团 ${groupId} 不存在`);
    if (found.group.districtId !== districtId) throw new ReferenceOutsideDistrictError(path, `集团 ${groupId} 不属于本区县`);
    return found.group;
  }

  private async families(schoolId: string): Promise<number | null> {
    return this.infra.surveys.getEnrollment(schoolId);
  }

  /** Each school with its campuses (AP5) and 在校家庭数 (AP54), by Chinese name. */
  private async schoolViews(schoolIds: string[]) {
    const [found, enrolments] = await Promise.all([
      Promise.all(schoolIds.map((id) => this.infra.catalog.getSchoolWithCampuses(id))),
      this.infra.surveys.enrollmentsOf(schoolIds),
    ]);
    return found
      .filter((f): f is NonNullable<typeof f> => f !== null)
      .map(({ school, campuses }) => adminSchool(school, campuses, enrolments.get(school.id)?.families ?? null))
      .sort(byChineseName);
  }

  /**
   * Search follows the edit: at once in this container, within SEARCH_CACHE_TTL_SECONDS in the
   * others. The edit itself is written already; a failed publish is logged, and the next
   * write's publish (or a snapshot-less reload) includes it.
   */
  private async publish(): Promise<void> {
    try {
      await publishCatalog(this.infra.catalog);
    } catch (error) {
      this.infra.logger.error({ err: error }, 'catalogue snapshot not published after an admin write');
    }
  }
}

/** The version the edit was made on must be the stored one (absent: 0). */
function expectVersion(stored: number | undefined, named: number): void {
  if ((stored ?? 0) !== named) throw staleVersion();
}
