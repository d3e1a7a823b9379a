import type { SearchKeys } from './domain/search/search-document';
import type { District, Group, GroupType, MemberRole, School, Stage } from '../../../../shared';

/** The shapes stored in the table (keys omitted). `kind` tells items apart in mixed queries. */
export type DistrictItem = District & { kind: 'district' };
export type GroupItem = Omit<Group, 'type'> & { kind: 'group'; groupType: GroupType };
/** `search` is computed when the school is written (absent on items written before it was). */
export type SchoolItem = Omit<School, 'campuses'> & { kind: 'school'; search?: SearchKeys };
export type CampusItem = { kind: 'campus'; schoolId: string; id: string; name: string };

/**
 * Names are copied onto memberships so a group page and a school page each cost one query.
 * Renaming a school or group must rewrite its memberships (AP4/AP6 in docs/data-model.md).
 */
export type MembershipItem = {
  kind: 'membership';
  groupId: string;
  groupName: string;
  groupType: GroupType;
  schoolId: string;
  schoolName: string;
  stage: Stage;
  role: MemberRole;
  districtId: string;
};
