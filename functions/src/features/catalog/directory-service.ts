import type {
  DistrictList,
  GroupDetail,
  GroupList,
  NearbyQuery,
  NearbySchools,
  SchoolDetail,
  SchoolSearchQuery,
  SchoolSearchResult,
} from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { byChineseName, compareByRoleThenName, compareGroupRefs } from './domain/ordering';
import { toGroupRef, type SchoolDirectory } from './school-directory';
import type { SchoolItem } from './catalog-items';
import { currentTerm, isActive } from './current-term';

/**
 * The public catalogue: districts, their groups, a group, a school, and school search, each with
 * the membership of the current term. Archived groups and schools are not public: their pages
 * answer 404 and the district's lists leave them out (their history stays for admin reads).
 */
export class DirectoryService {
  constructor(
    private readonly infra: Pick<Infrastructure, 'catalog' | 'now'>,
    private readonly directory: SchoolDirectory,
  ) {}

  /**
   * Every district with its counts, by Chinese name: from the catalogue view the search also
   * uses (counted when it was built), so no request counts anything. It was two COUNT queries
   * per district per request (AP9), which is what made this the slowest public read.
   */
  async districts(): Promise<DistrictList> {
    return { items: await this.directory.districts() };
  }

  async groupsOfDistrict(districtId: string): Promise<GroupList> {
    const { catalog } = this.infra;
    const [district, groups, memberships] = await Promise.all([
      catalog.getDistrict(districtId),
      catalog.listGroupsOfDistrict(districtId),
      catalog.listMembershipsOfDistrict(districtId, currentTerm(this.infra)),
    ]);
    if (!district) throw new NotFoundError('未找到该区县');
    const memberCount = new Map<string, number>();
    for (const m of memberships) memberCount.set(m.groupId, (memberCount.get(m.groupId) ?? 0) + 1);
    const items = groups
      .filter(isActive)
      .map((g) => ({ id: g.id, name: g.name, type: g.groupType, leadSchoolId: g.leadSchoolId, memberCount: memberCount.get(g.id) ?? 0 }))
      .sort(byChineseName);
    return { items };
  }

  /** A group with its members this term: lead first, then members, then alliance schools (AP85, one query). */
  async group(groupId: string): Promise<GroupDetail> {
    const found = await this.infra.catalog.getGroupWithMembers(groupId, currentTerm(this.infra));
    if (!found || !isActive(found.group)) throw new NotFoundError('未找到该教育集团');
    const { group, members } = found;
    const lead = members.find((m) => m.schoolId === group.leadSchoolId);
    return {
      id: group.id,
      name: group.name,
      type: group.groupType,
      districtId: group.districtId,
      leadSchool: lead ? { id: lead.schoolId, name: lead.schoolName } : null,
      partners: group.partners ?? [],
      members: members.map((m) => ({ schoolId: m.schoolId, name: m.schoolName, role: m.role, stage: m.stage })).sort(compareByRoleThenName),
    };
  }

  /** A school with its profile, its campuses and the groups it belongs to this term (AP5, AP86). */
  async school(schoolId: string): Promise<SchoolDetail> {
    const { catalog } = this.infra;
    const [found, memberships] = await Promise.all([
      catalog.getSchoolWithCampuses(schoolId),
      catalog.listGroupsOfSchool(schoolId, currentTerm(this.infra)),
    ]);
    if (!found || !isActive(found.school)) throw new NotFoundError('未找到该学校');
    const { school, campuses } = found;
    return {
      id: school.id,
      name: school.name,
      districtId: school.districtId,
      stage: school.stage,
      aliases: school.aliases ?? [],
      ...publicProfile(school),
      campuses: campuses.map(({ id, name, address }) => ({ id, name, ...(address ? { address } : {}) })).sort(byChineseName),
      groups: memberships.map(toGroupRef).sort(compareGroupRefs),
    };
  }

  async search(query: SchoolSearchQuery): Promise<SchoolSearchResult> {
    const result = await this.directory.search(query);
    if (result === 'unknown-district') throw new NotFoundError('未找到该区县');
    return result;
  }

  /** 附近的学校: the position is used for this answer only; nothing here stores or logs it. */
  async nearby(query: NearbyQuery): Promise<NearbySchools> {
    return this.directory.nearby(query);
  }
}

/** What a parent is told about a school: the profile fields it has (学生数 stays with admins). */
function publicProfile({ address, location, phone, intro }: SchoolItem): Pick<SchoolDetail, 'address' | 'location' | 'phone' | 'intro'> {
  return {
    ...(address ? { address } : {}),
    ...(location ? { location: { lat: location.lat, lng: location.lng } } : {}),
    ...(phone ? { phone } : {}),
    ...(intro ? { intro } : {}),
  };
}
