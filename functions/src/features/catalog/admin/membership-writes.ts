import type { MemberRole, TermId } from '../../../../../shared';
import { ConflictError } from '../../../errors';
import { catalogItem } from '../catalog-item-builders';
import type { GroupItem, MembershipItem, SchoolItem } from '../catalog-items';
import { planMembershipChange, type Period } from '../domain/membership-periods';
import type { PeriodWrites } from './catalog-writes';

type GroupRef = Pick<GroupItem, 'id' | 'name' | 'groupType' | 'districtId'>;
type SchoolRef = Pick<SchoolItem, 'id' | 'name' | 'stage'>;

export interface MembershipChange {
  fromGroupId: string | null;
  to: { group: GroupRef; role: MemberRole } | null;
  term: TermId;
  earliest: TermId;
}

/**
 * A change of one school's memberships as the items to write: the plan of
 * planMembershipChange over the school's stored periods, or its refusal as a 409 with the
 * plan's own code and words (nothing is written).
 */
export function membershipChange(school: SchoolRef, periods: MembershipItem[], change: MembershipChange): PeriodWrites {
  const plan = planMembershipChange(periods, {
    fromGroupId: change.fromGroupId,
    toGroupId: change.to?.group.id ?? null,
    role: change.to?.role ?? 'member',
    term: change.term,
    earliest: change.earliest,
  });
  if ('code' in plan) throw new ConflictError(plan.code, plan.message);
  // The plan answers the very periods it was given: find the stored items again by identity.
  const stored = (p: Period) => periods.find((item) => item === p)!;
  return {
    end: plan.end.map((p) => ({ period: stored(p), untilTerm: change.term })),
    remove: plan.remove.map(stored),
    start:
      plan.start && change.to ? [catalogItem.membership(change.to.group, school, plan.start.role, { fromTerm: plan.start.fromTerm })] : [],
  };
}

/**
 * From `term` on, none of these open periods is in force (an archive): each period in force
 * then ends by planMembershipChange, and one that only starts later is removed whole.
 */
export function endOpenPeriods(periods: MembershipItem[], term: TermId): PeriodWrites {
  const writes: PeriodWrites = { end: [], remove: [], start: [] };
  for (const period of periods.filter((p) => p.untilTerm === undefined)) {
    if (period.fromTerm !== undefined && period.fromTerm > term) {
      writes.remove.push(period);
      continue;
    }
    const ofSchool = periods.filter((p) => p.schoolId === period.schoolId && p.groupId === period.groupId);
    const school = { id: period.schoolId, name: period.schoolName, stage: period.stage };
    const change = membershipChange(school, ofSchool, { fromGroupId: period.groupId, to: null, term, earliest: term });
    writes.end.push(...change.end);
    writes.remove.push(...change.remove);
  }
  return writes;
}
