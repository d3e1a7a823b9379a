import { RateLimitRepository } from '../../../src/features/identity/rate-limit-repository';
import { StaffRepository } from '../../../src/features/identity/staff-repository';
import { UserRepository } from '../../../src/features/identity/user-repository';
import type {
  GrantItem,
  InviteItem,
  SchoolBindingItem,
  TeacherBindingItem,
  TeacherItem,
} from '../../../src/features/identity/identity-items';
import { createTestTable, type TestTable } from '../../../../tests/support/dynamo';

/** One test per access pattern AP11-AP22 of docs/data-model.md, on DynamoDB Local. */
describe('identity repositories on DynamoDB Local', () => {
  let table: TestTable;
  let users: UserRepository;
  let staff: StaffRepository;
  const AT = '2026-11-23T08:00:00.000Z';
  const grant = (role: GrantItem['role'], scopeType: GrantItem['scopeType'], scopeId: string): GrantItem => ({
    kind: 'grant',
    role,
    scopeType,
    scopeId,
    scopeName: scopeId,
    grantedAt: AT,
    grantedVia: 'test',
  });
  const jingbaluBinding: SchoolBindingItem = {
    kind: 'school-binding',
    schoolId: 'jn-jingbalu-ps',
    name: '济南市经八路小学',
    districtId: 'jinan-shizhong',
    boundAt: AT,
  };
  const teacher = (id: string, schoolId = 'jn-jingbalu-ps'): TeacherItem => ({
    kind: 'teacher',
    id,
    name: '周老师',
    schoolId,
    createdAt: AT,
  });
  const invite = (id: string, teacherId: string, expiresAt = '2026-11-30T00:00:00.000Z'): InviteItem => ({
    kind: 'invite',
    id,
    target: { role: 'teacher', teacherId },
    status: 'active',
    expiresAt,
    createdAt: AT,
    createdBy: 'admin',
  });
  const binding = (teacherId: string): TeacherBindingItem => ({
    kind: 'teacher-binding',
    teacherId,
    name: '周老师',
    schoolId: 'jn-jingbalu-ps',
    schoolName: '济南市经八路小学',
    boundAt: AT,
  });

  beforeAll(async () => {
    table = await createTestTable('identity');
    users = new UserRepository(table.db, table.tableName);
    staff = new StaffRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it("AP11 reads every item of one user and nobody else's", async () => {
    await users.putGrant('u11', grant('district_admin', 'district', 'jinan-shizhong'));
    await users.putSchoolBinding('u11', jingbaluBinding);
    await users.putGrant('someone-else', grant('group_admin', 'group', 'jn-jingwu'));
    expect((await users.listItems('u11')).map((i) => i.kind).sort()).toEqual(['grant', 'school-binding']);
  });

  it("AP124 finds a live session with its user's items but their other sessions, and nothing for an expired one", async () => {
    // Prepare
    await users.putSession('u124', { kind: 'session', sessionId: 'live', createdAt: AT, expiresAt: 2000, openid: 'o-124' });
    await users.putSession('u124', { kind: 'session', sessionId: 'old', createdAt: AT, expiresAt: 1000 });
    await users.putSession('u124', { kind: 'session', sessionId: 'other', createdAt: AT, expiresAt: 3000 });
    await users.putGrant('u124', grant('group_admin', 'group', 'jn-jingwu'));
    await users.putSchoolBinding('u124', jingbaluBinding);
    // Act
    const live = await users.getSessionWithItems('u124', 'live', 1500);
    const expired = await users.getSessionWithItems('u124', 'old', 1500);
    const unknown = await users.getSessionWithItems('u124', 'none', 1500);
    // Assess
    expect(live?.session).toEqual({ kind: 'session', sessionId: 'live', createdAt: AT, expiresAt: 2000, openid: 'o-124' });
    expect(live?.items.map((i) => (i.kind === 'session' ? `session:${i.sessionId}` : i.kind)).sort()).toEqual([
      'grant',
      'school-binding',
      'session:live',
    ]);
    expect(expired).toBeNull();
    expect(unknown).toBeNull();
  });

  it('AP13 ends a session', async () => {
    await users.putSession('u13', { kind: 'session', sessionId: 's', createdAt: AT, expiresAt: 9e9 });
    await users.deleteSession('u13', 's');
    expect(await users.getSessionWithItems('u13', 's', 0)).toBeNull();
  });

  it('AP14 lists every grant with its pseudonymous user', async () => {
    await users.putGrant('u14', grant('group_admin', 'group', 'jn-weier'));
    expect(await users.listAllGrants()).toContainEqual(
      expect.objectContaining({ userKey: 'u14', role: 'group_admin', scopeId: 'jn-weier' }),
    );
  });

  it('AP15 grants idempotently and revokes', async () => {
    await users.putGrant('u15', grant('group_admin', 'group', 'jn-jingwu'));
    await users.putGrant('u15', grant('group_admin', 'group', 'jn-jingwu'));
    expect(await users.listItems('u15')).toHaveLength(1);
    expect(await users.deleteGrant('u15', { role: 'group_admin', scopeType: 'group', scopeId: 'jn-jingwu' })).toBe(true);
    expect(await users.deleteGrant('u15', { role: 'group_admin', scopeType: 'group', scopeId: 'jn-jingwu' })).toBe(false);
  });

  it('AP16 binds and unbinds a school', async () => {
    await users.putSchoolBinding('u16', {
      kind: 'school-binding',
      schoolId: 'wh-no5-ps',
      name: '海勃湾区五小',
      districtId: 'wuhai-haibowan',
      boundAt: AT,
    });
    expect(await users.deleteSchoolBinding('u16', 'wh-no5-ps')).toBe(true);
    expect(await users.deleteSchoolBinding('u16', 'wh-no5-ps')).toBe(false);
  });

  it('AP17 creates a teacher record once and reads it', async () => {
    await staff.putTeacher(teacher('t17'));
    await expect(staff.putTeacher(teacher('t17'))).rejects.toThrow();
    expect(await staff.getTeacher('t17')).toMatchObject({ name: '周老师', schoolId: 'jn-jingbalu-ps' });
  });

  it('AP18 lists the teachers of one school', async () => {
    await staff.putTeacher(teacher('t18a', 'jn-jiuqu-ps'));
    await staff.putTeacher(teacher('t18b', 'jn-jiuqu-ps'));
    await staff.putTeacher(teacher('t18c', 'jn-quanhai-ps'));
    expect((await staff.listTeachersOfSchool('jn-jiuqu-ps')).map((t) => t.id).sort()).toEqual(['t18a', 't18b']);
  });

  it('AP19 creates, reads and revokes an invite (once)', async () => {
    await staff.putInvite(invite('i19', 't17'));
    expect(await staff.getInvite('i19')).toMatchObject({ status: 'active' });
    expect(await staff.revokeInvite('i19', AT)).toBe(true);
    expect(await staff.revokeInvite('i19', AT)).toBe(false);
    expect(await staff.getInvite('i19')).toMatchObject({ status: 'revoked' });
  });

  it('AP20 redeems in one transaction, and a second redemption changes nothing', async () => {
    // Prepare
    await staff.putTeacher(teacher('t20'));
    await staff.putInvite(invite('i20', 't20'));
    const args = { inviteId: 'i20', now: AT, grant: grant('teacher', 'teacher', 't20'), teacherBinding: binding('t20') };
    // Act
    const first = await staff.redeemInvite({ ...args, userKey: 'u20' });
    const second = await staff.redeemInvite({ ...args, userKey: 'u20b' });
    const expired = await (async () => {
      await staff.putInvite(invite('i20x', 't20', '2026-01-01T00:00:00.000Z'));
      return staff.redeemInvite({ ...args, inviteId: 'i20x', userKey: 'u20c' });
    })();
    // Assess
    expect([first, second, expired]).toEqual(['redeemed', 'conflict', 'conflict']);
    expect((await staff.getTeacher('t20'))?.boundUserKey).toBe('u20');
    expect(await users.listItems('u20b')).toEqual([]);
    expect(await users.listItems('u20c')).toEqual([]);
  });

  it('AP21 takes tokens under one shared limit', async () => {
    const limits = new RateLimitRepository(table.db, table.tableName, () => 1_000_000);
    const policy = { capacity: 2, refillPerSecond: 0.001 };
    const results = [
      await limits.take('u21', 'writes', policy),
      await limits.take('u21', 'writes', policy),
      await limits.take('u21', 'writes', policy),
    ];
    expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
  });

  it('AP21 keeps one limit across containers whose guesses of the stored state are wrong', async () => {
    // Prepare: two containers (repositories with their own memory) and a counter of store calls
    const calls: string[] = [];
    const counted = new Proxy(table.db, {
      get: (target, prop) =>
        prop === 'send'
          ? (command: { constructor: { name: string } }) => {
              calls.push(command.constructor.name);
              return target.send(command as never);
            }
          : Reflect.get(target, prop),
    });
    const [a, b] = [
      new RateLimitRepository(counted, table.tableName, () => 2_000_000),
      new RateLimitRepository(counted, table.tableName, () => 2_000_000),
    ];
    const policy = { capacity: 5, refillPerSecond: 0.001 };

    // Act: a first take by one container, then twelve at once spread over both
    const first = await a.take('u21b', 'writes', policy);
    const firstCalls = [...calls];
    const rest = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).take('u21b', 'writes', policy)));

    // Assess: the first take was one conditional write, and the bucket gave exactly its capacity
    expect(first.allowed).toBe(true);
    expect(firstCalls).toEqual(['PutCommand']);
    expect(rest.filter((r) => r.allowed)).toHaveLength(4);
  });

  it('AP22 deletes everything of a user and frees their teacher record', async () => {
    // Prepare
    await staff.putTeacher(teacher('t22'));
    await staff.putInvite(invite('i22', 't22'));
    await staff.redeemInvite({
      inviteId: 'i22',
      now: AT,
      userKey: 'u22',
      grant: grant('teacher', 'teacher', 't22'),
      teacherBinding: binding('t22'),
    });
    await users.putSession('u22', { kind: 'session', sessionId: 's', createdAt: AT, expiresAt: 9e9 });
    // Act
    const removed = await users.deleteEverything('u22');
    // Assess
    expect(removed.map((i) => i.kind).sort()).toEqual(['grant', 'session', 'teacher-binding']);
    expect(await users.listItems('u22')).toEqual([]);
    expect((await staff.getTeacher('t22'))?.boundUserKey).toBeUndefined();
  });
});
