import type { SearchKeys } from './domain/search/search-document';
import type { District, Group, GroupType, MemberRole, School, Stage, TermId } from '../../../../shared';

/** The shapes stored in the table (keys omitted). `kind` tells items apart in mixed queries. */
/**
 * `version` counts the writes of an editable item (absent: 0, never edited): an edit names the
 * version it was made on and is refused with 409 CONFLICT when another edit came first.
 * `archivedAt` (ISO time) marks a group or school taken out of use but kept for its history.
 */
type Editable = { version?: number; archivedAt?: string };
export type DistrictItem = District & { kind: 'district'; version?: number };
export type GroupItem = Omit<Group, 'type'> & { kind: 'group'; groupType: GroupType } & Editable;
/** `search` is computed when the school is written (absent on items written before it was). */
export type SchoolItem = Omit<School, 'campuses'> & { kind: 'school'; search?: SearchKeys } & Editable;
export type CampusItem = { kind: 'campus'; schoolId: string; id: string; name: string; address?: string };

/**
 * Names are copied onto memberships so a group page and a school page each cost one query.
 * Renaming a school or group must rewrite its memberships (AP4/AP6 in docs/data-model.md).
 * A membership is dated by term (TermRange): in force from `fromTerm` (absent: since before the
 * platform's records, as the seed's are) up to, not including, `untilTerm` (absent: open). A
 * school that moves ends one membership and starts another; both stay, so an earlier term's
 * survey or score still finds the grouping it was made under.
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
  fromTerm?: TermId;
  untilTerm?: TermId;
};
