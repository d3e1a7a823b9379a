import fc from 'fast-check';
import { createCore } from '../../../src/core';
import { testConfig } from '../../../../tests/support/test-config';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';

/**
 * Whatever a client sends, the answer is a 2xx or a 4xx in the error shape, never a 5xx
 * (property-based: fast-check generates the paths, queries and bodies).
 */
describe('bad input never causes a 5xx', () => {
  let table: TestTable;
  let app: ReturnType<typeof createCore>['app'];

  beforeAll(async () => {
    table = await createSeededTable('badinput');
    app = createCore(testConfig(table.tableName)).app;
  });
  afterAll(() => table.drop());

  const segment = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom('jn-jingbalu-ps', 'jn-jingwu', 'jinan-shizhong', '%E0%A4%A', '%', '..', '\u0000', '经八路'),
  );
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
  const route = fc.constantFrom(
    '/api/schools',
    '/api/groups',
    '/api/districts',
    '/api/schools/{x}',
    '/api/groups/{x}',
    '/api/districts/{x}/groups',
    '/api/{x}',
  );
  const query = fc.dictionary(fc.constantFrom('q', 'district', 'limit', 'cursor', 'x'), segment, { maxKeys: 4 });

  const expectGoodAnswer = async (res: Response) => {
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    if (res.status >= 400) expect(body.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  };

  it('holds for random methods, paths, ids and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(method, route, segment, query, async (verb, template, id, params) => {
        // Prepare
        const path = template.replace('{x}', encodeURIComponent(id));
        const qs = new URLSearchParams(params).toString();
        // Act
        const res = await app.request(`${path}${qs ? `?${qs}` : ''}`, { method: verb });
        // Assess
        await expectGoodAnswer(res);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for raw, undecodable query strings and bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), fc.string({ maxLength: 200 }), async (rawQuery, body) => {
        const res = await app.request(`/api/schools?${rawQuery}`, { method: 'GET' });
        await expectGoodAnswer(res);
        await expectGoodAnswer(
          await app.request('/api/schools', { method: 'POST', body, headers: { 'content-type': 'application/json' } }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
