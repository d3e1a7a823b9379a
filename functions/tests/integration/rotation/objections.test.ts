import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** 异议 during the 公示期, screened by WeChat content security (fake server), seen by district admins only. */
describe('rotation objections', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  let clock: Date;
  let districtAdmin: TestClient;
  let batchId: string;
  let logged: string[];

  const wechatUser = async (openid: string) => {
    const login = await new TestClient(core.app).call('POST', '/api/auth/wechat', { code: wechat.issueCode(openid) });
    return new TestClient(core.app, login.body.token);
  };
  const object = (client: TestClient, text: string, assignmentId: string | null = null) =>
    client.call('POST', `/api/rotation/batches/${batchId}/objections`, { text, assignmentId });

  beforeAll(async () => {
    table = await createSeededTable('rotobj');
    wechat = await startFakeWeChat();
    wechat.setMsgSecCheckResult('可疑', 'review');
    wechat.setMsgSecCheckResult('违规', 'risky');
    clock = new Date('2026-11-23T02:00:00Z');
    logged = [];
    const logger = createLogger({ write: (line: string) => logged.push(line) } as never, 'info');
    core = createCore(
      testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', WECHAT_API_BASE: wechat.url, RATE_WRITES_CAPACITY: '1000' }),
      { logger, now: () => clock },
    );
    districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin('district_admin');
    const created = await districtAdmin.call(
      'POST',
      '/api/admin/rotation/batches/import',
      importBody(PLACE_META['own-group'], PLACE_ROWS['own-group'](2)),
    );
    batchId = created.body.batch.id;
    await districtAdmin.call('POST', `/api/admin/rotation/batches/${batchId}/publish`);
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });
  beforeEach(() => {
    clock = new Date('2026-11-23T02:00:00Z');
  });

  it('takes an objection that passes, on the batch or on one assignment', async () => {
    // Prepare
    const parent = await wechatUser('oRotPass0000000000000000001');
    // Act
    const onBatch = await object(parent, '名单中有教师已退休');
    const onAssignment = await object(parent, '该教师本学期在外培训', 'a00002');
    const unknown = await object(parent, '不存在的人', 'a00099');
    // Assess
    expect(onBatch).toMatchObject({ status: 201, body: { held: false, message: '异议已提交，区教育局将在核实后处理' } });
    expect(onAssignment.status).toBe(201);
    expect(unknown).toMatchObject({ status: 404, body: { error: { message: '本批次中没有该交流人员' } } });
    const stored = await core.infra.rotation.listObjections(batchId);
    expect(stored.map((o) => [o.text, o.assignmentId, o.screening])).toEqual(
      expect.arrayContaining([
        ['名单中有教师已退休', null, 'passed'],
        ['该教师本学期在外培训', 'a00002', 'passed'],
      ]),
    );
    // Nothing about the writer is stored with it, and nothing personal reached the logs.
    expect(JSON.stringify(stored)).not.toContain('oRotPass');
    expect(logged.join('\n')).not.toMatch(/oRotPass|名单中有教师/);
  });

  it('holds a text WeChat wants reviewed, and refuses a risky one with a clear message, storing nothing', async () => {
    // Prepare
    const parent = await wechatUser('oRotReview00000000000000001');
    const before = (await core.infra.rotation.listObjections(batchId)).length;
    // Act
    const held = await object(parent, '有点可疑的异议');
    const refused = await object(parent, '违规内容');
    // Assess
    expect(held).toMatchObject({ status: 201, body: { held: true, message: '异议已提交，内容需人工审核后处理' } });
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'CONTENT_REFUSED', message: '异议内容未通过微信内容安全检查，未被提交。请修改措辞后重新提交' } },
    });
    const after = await core.infra.rotation.listObjections(batchId);
    expect(after).toHaveLength(before + 1);
    expect(after.find((o) => o.text === '有点可疑的异议')?.screening).toBe('held');
    expect(
      wechat.calls.some((c) => c.path === '/wxa/msg_sec_check' && (c.body as { openid?: string }).openid === 'oRotReview00000000000000001'),
    ).toBe(true);
  });

  it('refuses objections before and after the 公示期 with 409 and the period in the message', async () => {
    // Act: the 公示期 is 2026-11-23 to 2026-11-30 (China dates); 16:00 UTC is midnight in 济南.
    clock = new Date('2026-11-30T15:00:00Z');
    const parent = await wechatUser('oRotLate000000000000000001');
    const lastDay = await object(parent, '最后一天的异议');
    clock = new Date('2026-11-30T16:00:00Z');
    const after = await object(parent, '过期的异议');
    // Assess
    expect(lastDay.status).toBe(201);
    expect(after).toMatchObject({
      status: 409,
      body: { error: { code: 'NOT_IN_NOTICE_PERIOD', message: '只能在公示期内提出异议（本批次公示期：2026-11-23 至 2026-11-30）' } },
    });
  });

  it('refuses an anonymous caller, an empty text and one over 500 characters', async () => {
    const parent = await wechatUser('oRotInput00000000000000001');
    expect((await object(new TestClient(core.app), '匿名')).status).toBe(401);
    expect(await object(parent, '  ')).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const long = await object(parent, '长'.repeat(501));
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.details)).toContain('异议内容不超过 500 字');
  });

  it('shows objections to district admins only, who record a resolution once', async () => {
    // Prepare
    const groupAdmin = new TestClient(core.app);
    await groupAdmin.devLogin('group_admin');
    // Act
    const forGroupAdmin = await groupAdmin.call('GET', `/api/admin/rotation/batches/${batchId}/objections`);
    const listed = await districtAdmin.call('GET', `/api/admin/rotation/batches/${batchId}/objections`);
    const target = listed.body.items[0].id;
    const resolve = (text: string) =>
      districtAdmin.call('POST', `/api/admin/rotation/batches/${batchId}/objections/${target}/resolve`, { resolution: text });
    const first = await resolve('经核实，该教师已调整出本批次');
    const second = await resolve('再次处理');
    const missing = await districtAdmin.call(
      'POST',
      `/api/admin/rotation/batches/${batchId}/objections/ob-20261123000000-aaaaaaaaaaaa/resolve`,
      { resolution: '无' },
    );
    // Assess
    expect(forGroupAdmin.status).toBe(403);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          text: '该教师本学期在外培训',
          assignmentId: 'a00002',
          teacherName: '经五教师2',
          screening: 'passed',
          resolution: null,
        }),
        expect.objectContaining({ text: '有点可疑的异议', teacherName: null, screening: 'held' }),
      ]),
    );
    expect(JSON.stringify(listed.body)).not.toContain('resolvedBy');
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 409, body: { error: { code: 'OBJECTION_RESOLVED' } } });
    expect(missing.status).toBe(404);
    const after = await districtAdmin.call('GET', `/api/admin/rotation/batches/${batchId}/objections`);
    expect(after.body.items.find((o: { id: string }) => o.id === target)).toMatchObject({
      resolution: '经核实，该教师已调整出本批次',
      resolvedAt: clock.toISOString(),
    });
  });
});
