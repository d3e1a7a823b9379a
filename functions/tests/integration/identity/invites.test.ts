import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { testConfig } from '../../../../tests/support/test-config';
import { TestClient } from '../../../../tests/support/api-client';

/** Teachers and group admins get their roles only through one-time invite codes. */
describe('invite codes', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let clock = new Date('2026-11-23T08:00:00Z');
  const client = (token: string | null = null) => new TestClient(core.app, token);

  beforeAll(async () => {
    table = await createSeededTable('invites');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_INVITES_CAPACITY: '1000' }), { now: () => clock });
  });
  afterAll(() => table.drop());

  async function adminMakesTeacherInvite(validHours = 72) {
    const admin = client();
    await admin.devLogin('group_admin');
    const teacher = await admin.call('POST', '/api/admin/teachers', { name: '孙老师', schoolId: 'jn-jingwei-ps', subject: '数学' });
    expect(teacher.status).toBe(201);
    const invite = await admin.call('POST', '/api/admin/invites', { target: { role: 'teacher', teacherId: teacher.body.id }, validHours });
    expect(invite.status).toBe(201);
    return { admin, teacherId: teacher.body.id as string, invite: invite.body };
  }

  async function newUser(name: string) {
    const user = client();
    await user.devLogin({ role: 'parent', schoolId: name });
    return user;
  }

  it('binds a teacher with a fresh code, once, and shows it in 我的', async () => {
    // Prepare
    const { admin, teacherId, invite } = await adminMakesTeacherInvite();
    const user = await newUser('first');
    // Act
    const redeemed = await user.call('POST', '/api/me/invite', { code: invite.code.toLowerCase() });
    const again = await (await newUser('second')).call('POST', '/api/me/invite', { code: invite.code });
    const listed = await admin.call('GET', '/api/admin/schools/jn-jingwei-ps/teachers');
    // Assess
    expect(invite.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body.teacher).toMatchObject({ teacherId, name: '孙老师', schoolName: '济南市经纬小学' });
    expect(redeemed.body.roles).toContainEqual({ role: 'teacher', scope: { type: 'teacher', id: teacherId, name: '孙老师' } });
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'INVITE_USED' } } });
    expect(listed.body.items).toContainEqual({ id: teacherId, name: '孙老师', schoolId: 'jn-jingwei-ps', subject: '数学', bound: true });
  });

  it('refuses an expired, a revoked and an unknown code with a reason', async () => {
    // Prepare
    const expiring = await adminMakesTeacherInvite(1);
    const revoked = await adminMakesTeacherInvite();
    const user = await newUser('third');
    // Act
    const revoke = await revoked.admin.call('DELETE', `/api/admin/invites/${revoked.invite.id}`);
    clock = new Date(clock.getTime() + 90 * 60_000);
    const late = await user.call('POST', '/api/me/invite', { code: expiring.invite.code });
    const cancelled = await user.call('POST', '/api/me/invite', { code: revoked.invite.code });
    const unknown = await user.call('POST', '/api/me/invite', { code: 'ZZZZZ-ZZZZZ' });
    const malformed = await user.call('POST', '/api/me/invite', { code: '!!' });
    // Assess
    expect(revoke.body).toMatchObject({ id: revoked.invite.id, status: 'revoked' });
    expect(revoke.body.code).toBeUndefined();
    expect(late).toMatchObject({ status: 410, body: { error: { code: 'INVITE_EXPIRED' } } });
    expect(cancelled).toMatchObject({ status: 410, body: { error: { code: 'INVITE_REVOKED' } } });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'INVITE_NOT_FOUND' } } });
    expect(malformed.status).toBe(400);
    expect((await user.call('GET', '/api/me')).body.teacher).toBeNull();
  });

  it('lets exactly one of two people redeeming the same code at once succeed', async () => {
    // Prepare
    const { invite } = await adminMakesTeacherInvite();
    const [a, b] = await Promise.all([newUser('racer-a'), newUser('racer-b')]);
    // Act
    const answers = await Promise.all([
      a.call('POST', '/api/me/invite', { code: invite.code }),
      b.call('POST', '/api/me/invite', { code: invite.code }),
    ]);
    // Assess
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410]);
    const teachers = await Promise.all([a, b].map(async (u) => (await u.call('GET', '/api/me')).body.teacher));
    expect(teachers.filter(Boolean)).toHaveLength(1);
  });

  it("makes a group admin from a district admin's invite, scoped to that group", async () => {
    // Prepare
    const district = client();
    await district.devLogin('district_admin');
    const invite = await district.call('POST', '/api/admin/invites', { target: { role: 'group_admin', groupId: 'jn-weier' } });
    const user = await newUser('future-admin');
    // Act
    const redeemed = await user.call('POST', '/api/me/invite', { code: invite.body.code });
    const inScope = await user.call('GET', '/api/admin/schools/jn-yuhui-ps/teachers');
    const outOfScope = await user.call('GET', '/api/admin/schools/jn-jingbalu-ps/teachers');
    // Assess
    expect(redeemed.body.roles).toContainEqual({ role: 'group_admin', scope: { type: 'group', id: 'jn-weier', name: '纬二教育集团' } });
    expect(inScope.status).toBe(200);
    expect(outOfScope.status).toBe(403);
  });

  it('stores no redeemable code: the table holds only its HMAC', async () => {
    // Prepare
    const { invite } = await adminMakesTeacherInvite();
    // Act
    const stored = await core.services.staff.revokeInvite(await core.services.staff.invite(invite.id));
    const raw = JSON.stringify(await core.infra.staff.getInvite(invite.id));
    // Assess
    expect(stored.status).toBe('revoked');
    expect(raw).not.toContain(invite.code.replace('-', ''));
  });
});
