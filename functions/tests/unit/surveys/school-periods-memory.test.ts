import type { MembershipItem } from '../../../src/features/catalog/catalog-items';
import { SchoolPeriodsMemory } from '../../../src/features/surveys/school-periods-memory';

const period = (groupId: string) => ({ kind: 'membership', groupId, schoolId: 's1', districtId: 'd1' }) as unknown as MembershipItem;

/** A memory over a fake AP6 whose answer the test changes, counting its reads. */
function setUp(ttlMs = 60_000) {
  const state = { now: 0, groups: ['g1'], reads: 0, fail: false };
  const memory = new SchoolPeriodsMemory(
    async () => {
      state.reads++;
      if (state.fail) throw new Error('read failed');
      return state.groups.map(period);
    },
    ttlMs,
    () => state.now,
  );
  const groupsOf = async (version: string | null) => (await memory.periodsOf('s1', version)).map((p) => p.groupId);
  return { state, groupsOf };
}

describe('SchoolPeriodsMemory', () => {
  it('reads a school once per catalogue version, and again as soon as the version changes', async () => {
    // Prepare
    const { state, groupsOf } = setUp();
    // Act
    const first = await groupsOf('v1');
    state.groups = ['g2'];
    const sameVersion = await groupsOf('v1');
    const nextVersion = await groupsOf('v2');
    // Assess
    expect(first).toEqual(['g1']);
    expect(sameVersion).toEqual(['g1']);
    expect(nextVersion).toEqual(['g2']);
    expect(state.reads).toBe(2);
  });

  it('reads again once an entry is older than its time to live, whatever the version', async () => {
    // Prepare
    const { state, groupsOf } = setUp(1000);
    await groupsOf('v1');
    state.groups = ['g3'];
    // Act
    state.now = 999;
    const young = await groupsOf('v1');
    state.now = 1000;
    const expired = await groupsOf('v1');
    // Assess
    expect(young).toEqual(['g1']);
    expect(expired).toEqual(['g3']);
  });

  it('always reads on a table no catalogue was published for', async () => {
    // Prepare
    const { state, groupsOf } = setUp();
    // Act
    await groupsOf(null);
    await groupsOf(null);
    // Assess
    expect(state.reads).toBe(2);
  });

  it('shares one read among concurrent answers and does not remember a failed one', async () => {
    // Prepare
    const { state, groupsOf } = setUp();
    state.fail = true;
    // Act
    const failed = await Promise.allSettled([groupsOf('v1'), groupsOf('v1')]);
    state.fail = false;
    const after = await groupsOf('v1');
    // Assess
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(after).toEqual(['g1']);
    expect(state.reads).toBe(2);
  });
});
