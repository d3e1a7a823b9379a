import type { District, GroupType, MemberRole, Stage, TermId } from '../../../../shared';
import { keys } from '../../db/keys';
import type { CampusItem, DistrictItem, GroupItem, MembershipItem, SchoolItem } from './catalog-items';
import type { searchKeys as SearchKeysOf } from './domain/search/search-document';

/**
 * search-document pulls opencc-js, pinyin-pro and nzh (about 670 KB): required by the first
 * school write, never at a container's start-up (tests/contract/cloud-bundle.test.ts). The
 * builders are synchronous, so this is a synchronous require, which the bundler defers too.
 */
const searchKeys: typeof SearchKeysOf = (...args) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  (require('./domain/search/search-document') as typeof import('./domain/search/search-document')).searchKeys(...args);

/**
 * Catalogue items with their keys, built in one place for every writer (the seed loader, the
 * catalogue admin, the import): whoever writes a school writes the same search keys, and a
 * membership always carries the names and type it copies.
 */
export const catalogItem = {
  district: (d: Omit<DistrictItem, 'kind'>) => ({ ...keys.district(d.id), ...keys.districtIndex(d.id), ...d, kind: 'district' as const }),

  group: (g: Omit<GroupItem, 'kind'>) => ({
    ...keys.group(g.id),
    ...keys.groupInDistrict(g.districtId, g.id),
    ...g,
    kind: 'group' as const,
  }),

  /** Search keys are computed here, when the school is written (SchoolItem.search). */
  school: (s: Omit<SchoolItem, 'kind' | 'search'>, district: Pick<District, 'name' | 'city' | 'province'>) => ({
    ...keys.school(s.id),
    ...keys.schoolInDistrict(s.districtId, s.id),
    ...s,
    kind: 'school' as const,
    search: searchKeys(s, district),
  }),

  campus: (c: Omit<CampusItem, 'kind'>) => ({ ...keys.campus(c.schoolId, c.id), ...c, kind: 'campus' as const }),

  membership: (
    group: { id: string; name: string; groupType: GroupType; districtId: string },
    school: { id: string; name: string; stage: Stage },
    role: MemberRole,
    period: { fromTerm?: TermId; untilTerm?: TermId } = {},
  ) => {
    const item: MembershipItem = {
      kind: 'membership',
      groupId: group.id,
      groupName: group.name,
      groupType: group.groupType,
      schoolId: school.id,
      schoolName: school.name,
      stage: school.stage,
      role,
      districtId: group.districtId,
      ...(period.fromTerm === undefined ? {} : { fromTerm: period.fromTerm }),
      ...(period.untilTerm === undefined ? {} : { untilTerm: period.untilTerm }),
    };
    return { ...keys.membership(group.id, school.id, group.districtId, period.fromTerm), ...item };
  },
};
