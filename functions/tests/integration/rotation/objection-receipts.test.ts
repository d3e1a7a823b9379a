import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** 我的异议: the filer keeps a receipt; the objection keeps only its HMAC and never who filed it. */
describe('objection receipts', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let districtAdmin: TestClient;
  let teacher: TestClient;
  let batchId: string;
  const clock = new Date('2026-11-23T02:00:00Z');
  const status = (receipt: string) =>
    new TestClient(core.app).call('GET', `/api/rotation/objection-receipts/${encodeURIComponent(receipt)}`);

  beforeAll(async () => {
    table = await createSeededTable('rotreceipt');
    core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '1000' }), {
      logger: createLogger(undefined, 'silent'),
      now: () => clock,
    });
    districtAdmin = new TestClient(core.app);
    await districtAdmin.devLogin('district_admin');
    const created = await districtAdmin.call(
      'POST',
      '/api/admin/rotation/batches/import',
      importBody(PLACE_META['own-group'], PLACE_ROWS['own-group'](2)),
    );
    batchId = created.body.batch.id;
    await districtAdmin.call('POST', `/api/admin/rotation/batches/${batchId}/publish`);
    teacher = new TestClient(core.app);
    await teacher.devLogin({ role: 'teacher', schoolId: 'jn-jingbalu-ps' });
  });
  afterAll(() => table.drop());

  it('AP103: answers 待处理 for a new objection and 已处理 with the resolution once a district admin resolved it', async () => {
    // Prepare
    const filed = await teacher.call('POST', `/api/rotation/batches/${batchId}/objections`, {
      text: '名单中的教师本学期借调',
      assignmentId: null,
    });
    const before = await status(filed.body.receipt);

    // Act
    await districtAdmin.call('POST', `/api/admin/rotation/batches/${batchId}/objections/${filed.body.id}/resolve`, {
      resolution: '经核实，已调整名单',
    });
    const after = await status(filed.body.receipt);

    // Assess
    expect(filed).toMatchObject({ status: 201, body: { receipt: expect.stringMatching(new RegExp(`^${batchId}\\.${filed.body.id}\\.`)) } });
    expect(before).toMatchObject({
      status: 200,
      body: { id: filed.body.id, batchId, text: '名单中的教师本学期借调', status: 'pending', resolution: null, resolvedAt: null },
    });
    expect(before.body.batchTitle).toEqual(expect.any(String));
    expect(after).toMatchObject({
      status: 200,
      body: { status: 'resolved', resolution: '经核实，已调整名单', resolvedAt: clock.toISOString() },
    });
  });

  it('stores no receipt and no filer beside the objection, and the admin list shows neither', async () => {
    // Prepare
    const filed = await teacher.call('POST', `/api/rotation/batches/${batchId}/objections`, { text: '另一条异议', assignmentId: null });

    // Act
    const stored = (await core.infra.rotation.listObjections(batchId)).find((o) => o.id === filed.body.id)!;
    const listed = await districtAdmin.call('GET', `/api/admin/rotation/batches/${batchId}/objections`);

    // Assess
    expect(JSON.stringify(stored)).not.toContain(filed.body.receipt.split('.')[2]);
    expect(Object.keys(stored).sort()).toEqual(
      [
        'assignmentId',
        'batchId',
        'createdAt',
        'id',
        'kind',
        'receiptHash',
        'resolution',
        'resolvedAt',
        'resolvedBy',
        'screening',
        'text',
      ].sort(),
    );
    expect(JSON.stringify(listed.body)).not.toMatch(/receipt|userKey|sub/);
  });

  it('answers 404 for a forged or malformed receipt alike', async () => {
    // Prepare
    const filed = await teacher.call('POST', `/api/rotation/batches/${batchId}/objections`, { text: '第三条异议', assignmentId: null });
    const forged = `${batchId}.${filed.body.id}.${'A'.repeat(32)}`;

    // Act
    const answers = await Promise.all([
      status(forged),
      status('not-a-receipt'),
      status(`${batchId}.ob-20261123000000-000000000000.${'B'.repeat(32)}`),
    ]);

    // Assess
    expect(answers.map((a) => [a.status, a.body.error?.message])).toEqual([
      [404, '未找到该异议回执'],
      [404, '未找到该异议回执'],
      [404, '未找到该异议回执'],
    ]);
  });
});
