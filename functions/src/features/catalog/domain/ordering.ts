import type { MemberRole } from '../../../../../shared';

/** Lead school first, then members, then alliance schools; each by Chinese (pinyin) order. */
const ROLE_ORDER: Record<MemberRole, number> = { lead: 0, member: 1, alliance: 2 };

export function byChineseName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'zh-CN');
}

export function compareByRoleThenName(a: { role: MemberRole; name: string }, b: { role: MemberRole; name: string }): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || byChineseName(a, b);
}

/** A school's groups: those it leads first. */
export const compareGroupRefs = compareByRoleThenName;
