import fc from 'fast-check';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { TestClient } from '../../../../tests/support/api-client';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { importBody, PLACE_META, PLACE_ROWS } from '../../../../tests/support/rotation';
import { testConfig } from '../../../../tests/support/test-config';

/** Whatever reaches the rotation routes, the answer is a 2xx or a 4xx with a code and a Chinese message, never a 5xx. */
describe('rotation routes never answer a 5xx', () => {
  let table: TestTable;
  let core: ReturnType<typeof createCore>;
  let admin: TestClient;
  let parent: TestClient;
  let batchId: string;

  beforeAll(async () => {
    table = await createSeededTable('rotbad');
    core = createCore(
      testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000', RATE_WRITES_PER_SECOND: '1000' }),
      { logger: createLogger(undefined, 'silent') },
    );
    admin = new TestClient(core.app);
    await admin.devLogin('district_admin');
    parent = new TestClient(core.app);
    await parent.devLogin('parent');
    batchId = (
      await admin.call('POST', '/api/admin/rotation/batches/import', importBody(PLACE_META['own-district'], PLACE_ROWS['own-district']()))
    ).body.batch.id;
    await admin.call('POST', `/api/admin/rotation/batches/${batchId}/publish`);
  });
  afterAll(() => table.drop());

  const junk = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.integer(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })),
  );
  const expectGood = (answer: { status: number; body: { error?: { code: string; message: string } } }) => {
    expect(answer.status).toBeLessThan(500);
    if (answer.status >= 400) expect(answer.body.error?.message).toMatch(/[\u4e00-\u9fa5]/);
  };

  it('holds for random import bodies, meta fields and files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            meta: fc.oneof(junk, fc.record({ ...Object.fromEntries(Object.keys(PLACE_META['own-district']).map((k) => [k, junk])) })),
            format: fc.oneof(junk, fc.constantFrom('xlsx', 'csv')),
            file: fc.oneof(junk, fc.base64String({ maxLength: 400 })),
          },
          { requiredKeys: [] },
        ),
        async (body) => expectGood(await admin.call('POST', '/api/admin/rotation/batches/import', body)),
      ),
      { numRuns: 150 },
    );
  });

  it('holds for random files under a valid batch description', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('xlsx', 'csv'), fc.uint8Array({ maxLength: 600 }), async (format, bytes) => {
        expectGood(
          await admin.call('POST', '/api/admin/rotation/batches/import', {
            meta: PLACE_META['own-district'],
            format,
            file: Buffer.from(bytes).toString('base64'),
          }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('holds for random ids, queries and objection bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 40 }), fc.constant(batchId)),
        fc.dictionary(fc.constantFrom('teacher', 'school', 'districtId', 'groupId', 'schoolYear', 'format'), fc.string({ maxLength: 40 })),
        junk,
        async (id, query, body) => {
          const qs = new URLSearchParams(query).toString();
          const path = encodeURIComponent(id);
          expectGood(await parent.call('GET', `/api/rotation/batches/${path}?${qs}`));
          expectGood(await parent.call('GET', `/api/rotation/batches?${qs}`));
          // The template answers a file, not JSON: its status is what counts.
          expect((await core.app.request(`/api/rotation/template?${qs}`)).status).toBeLessThan(500);
          expectGood(await parent.call('POST', `/api/rotation/batches/${path}/objections`, body));
          expectGood(await admin.call('GET', `/api/admin/districts/jinan-shizhong/rotation/compliance?${qs}`));
          expectGood(await admin.call('PUT', `/api/admin/rotation/batches/${path}`, body));
          expectGood(await admin.call('POST', `/api/admin/rotation/batches/${batchId}/objections/${path}/resolve`, body));
          expectGood(await admin.call('PUT', '/api/admin/districts/jinan-shizhong/rotation/settings', body));
        },
      ),
      { numRuns: 60 },
    );
  });
});
