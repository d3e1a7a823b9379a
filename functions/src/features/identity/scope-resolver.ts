import { NotFoundError } from '../../errors';
import type { ScopeTarget } from './scope-target';
import type { CatalogRepository } from '../catalog/catalog-repository';
import type { StaffRepository } from './staff-repository';
import type { Placement } from './domain/authorize';
import { currentTerm } from '../catalog/current-term';

/**
 * Resolves the entity a route acts on to its placement, with the current term's membership: a
 * group's admins reach the schools in their group now, not those that left it. An entity that does not exist is a
 * 404 for callers who passed authentication (the catalogue is public anyway).
 */
export class ScopeResolver {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly staff: StaffRepository,
    private readonly clock: { now: () => Date },
  ) {}

  async placementOf(target: ScopeTarget): Promise<Placement> {
    switch (target.type) {
      case 'district': {
        if (!(await this.catalog.getDistrict(target.id))) throw new NotFoundError('未找到该区县');
        return { districtId: target.id, groupIds: [] };
      }
      case 'group': {
        const found = await this.catalog.getGroupWithMembers(target.id, currentTerm(this.clock));
        if (!found) throw new NotFoundError('未找到该教育集团');
        return { districtId: found.group.districtId, groupIds: [target.id] };
      }
      case 'loaded-group':
        return { districtId: target.districtId, groupIds: [target.groupId] };
      case 'district-of-group': {
        const group = await this.placementOf({ type: 'group', id: target.id });
        return { districtId: group.districtId, groupIds: [] };
      }
      case 'school': {
        const [found, memberships] = await Promise.all([
          this.catalog.getSchoolWithCampuses(target.id),
          this.catalog.listGroupsOfSchool(target.id, currentTerm(this.clock)),
        ]);
        if (!found) throw new NotFoundError('未找到该学校');
        return { districtId: found.school.districtId, groupIds: memberships.map((m) => m.groupId) };
      }
      case 'teacher': {
        const teacher = await this.staff.getTeacher(target.id);
        if (!teacher) throw new NotFoundError('未找到该教师');
        return this.placementOf({ type: 'school', id: teacher.schoolId });
      }
    }
  }
}
