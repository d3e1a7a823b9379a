import { periodsAt, planMembershipChange, type Period } from '../../../src/features/catalog/domain/membership-periods';

const inA: Period = { groupId: 'a', schoolId: 's', role: 'member', fromTerm: '2025-2' };
const change = { fromGroupId: 'a', toGroupId: 'b', role: 'member' as const, term: '2026-2', earliest: '2026-1' };

describe('planMembershipChange', () => {
  it('ends the old period before the new term and starts the new one there', () => {
    // Act
    const plan = planMembershipChange([inA], change);
    // Assess
    expect(plan).toEqual({ end: [inA], remove: [], start: { groupId: 'b', role: 'member', fromTerm: '2026-2' } });
  });

  it('removes a period that would only have started in the same term', () => {
    // Prepare
    const startsThen: Period = { ...inA, fromTerm: '2026-2' };
    // Act
    const plan = planMembershipChange([startsThen], change);
    // Assess
    expect(plan).toEqual({ end: [], remove: [startsThen], start: { groupId: 'b', role: 'member', fromTerm: '2026-2' } });
  });

  it('refuses to regroup a past term, except for a school with no membership yet', () => {
    // Act
    const past = planMembershipChange([inA], { ...change, term: '2025-2' });
    const first = planMembershipChange([], { ...change, fromGroupId: null, term: '2024-1' });
    // Assess
    expect(past).toMatchObject({ code: 'TERM_IN_PAST' });
    expect(first).toEqual({ end: [], remove: [], start: { groupId: 'b', role: 'member', fromTerm: '2024-1' } });
  });

  it('refuses a move out of a group the school is not in at that term', () => {
    // Act
    const plan = planMembershipChange([{ ...inA, untilTerm: '2026-1' }], { ...change, earliest: '2025-1' });
    // Assess
    expect(plan).toMatchObject({ code: 'NOT_A_MEMBER', message: '该校在所选学期不属于原集团' });
  });

  it('refuses to rewrite a change already scheduled, and a join into a group the school is already in', () => {
    // Prepare
    const scheduled: Period = { ...inA, untilTerm: '2027-1' };
    const inB: Period = { groupId: 'b', schoolId: 's', role: 'member', fromTerm: '2027-1' };
    // Act
    const rewrite = planMembershipChange([scheduled], change);
    const twice = planMembershipChange([inA, inB], change);
    // Assess
    expect(rewrite).toMatchObject({ code: 'CHANGE_SCHEDULED' });
    expect(twice).toMatchObject({ code: 'ALREADY_A_MEMBER' });
  });

  it('lets a school leave every group, and finds the periods in force at a term', () => {
    // Prepare
    const undated: Period = { groupId: 'c', schoolId: 's', role: 'lead' };
    // Act
    const plan = planMembershipChange([undated], { ...change, fromGroupId: 'c', toGroupId: null });
    // Assess
    expect(plan).toEqual({ end: [undated], remove: [], start: null });
    expect(periodsAt([inA, { ...undated, untilTerm: '2026-2' }], '2026-2')).toEqual([inA]);
    expect(periodsAt([inA], '2025-1')).toEqual([]);
  });
});
