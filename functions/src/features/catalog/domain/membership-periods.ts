import { inForce, type MemberRole, type TermId } from '../../../../../shared';

/** One dated membership of a school, as stored (MembershipItem's period fields). */
export interface Period {
  groupId: string;
  schoolId: string;
  role: MemberRole;
  fromTerm?: TermId;
  untilTerm?: TermId;
}

/** What one membership change writes: periods that end, periods removed whole, the period that starts. */
export interface PeriodPlan {
  /** Open periods that now end before `term` (their untilTerm is set to it). */
  end: Period[];
  /** Periods that would start at `term` itself: they never took effect, so they go. */
  remove: Period[];
  start: { groupId: string; role: MemberRole; fromTerm: TermId } | null;
}

export type PeriodRefusal =
  | { code: 'NOT_A_MEMBER'; message: string }
  | { code: 'ALREADY_A_MEMBER'; message: string }
  | { code: 'CHANGE_SCHEDULED'; message: string }
  | { code: 'TERM_IN_PAST'; message: string };

/**
 * From `term` on, the school leaves `fromGroupId` (null: none) and joins `toGroupId` (null:
 * none). Earlier terms keep the periods they had, so a survey or score of an earlier term still
 * finds its grouping. Rules (docs/catalogue.md):
 * - a change is dated from the current term or later (`earliest`): a past term's published
 *   numbers are never regrouped; a school's very first membership may be dated back, because
 *   no number was made with it before;
 * - the school must be in `fromGroupId` at `term` with an open period, and not already in
 *   `toGroupId` at or after `term`;
 * - a period already ending (a change scheduled for later) is not rewritten: that change is
 *   undone first.
 */
export function planMembershipChange(
  periods: Period[],
  change: { fromGroupId: string | null; toGroupId: string | null; role: MemberRole; term: TermId; earliest: TermId },
): PeriodPlan | PeriodRefusal {
  const { fromGroupId, toGroupId, role, term } = change;
  const firstMembership = periods.length === 0;
  if (term < change.earliest && !firstMembership) {
    return { code: 'TERM_IN_PAST', message: '调整只能从本学期或以后的学期起生效，已过去学期的分组保持不变' };
  }
  const plan: PeriodPlan = { end: [], remove: [], start: null };
  if (fromGroupId !== null) {
    const current = periods.find((p) => p.groupId === fromGroupId && inForce(p, term));
    if (!current) return { code: 'NOT_A_MEMBER', message: '该校在所选学期不属于原集团' };
    if (current.untilTerm !== undefined) return { code: 'CHANGE_SCHEDULED', message: '该校在原集团的成员关系已安排结束，请先撤销那次调整' };
    if (current.fromTerm === term) plan.remove.push(current);
    else plan.end.push(current);
  }
  if (toGroupId !== null) {
    const overlapping = periods.some(
      (p) => p.groupId === toGroupId && (p.untilTerm === undefined || p.untilTerm > term) && !plan.remove.includes(p),
    );
    if (overlapping) return { code: 'ALREADY_A_MEMBER', message: '该校在所选学期已属于该集团' };
    plan.start = { groupId: toGroupId, role, fromTerm: term };
  }
  return plan;
}

/** The periods in force at `term`, e.g. a survey's grouping in the term it opened. */
export const periodsAt = <P extends Period>(periods: P[], term: TermId): P[] => periods.filter((p) => inForce(p, term));
