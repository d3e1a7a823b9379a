import { EVALUATION_TEMPLATES } from '../../../../shared';
import { createCore } from '../../../src/core';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { testConfig } from '../../../../tests/support/test-config';

/** 海淀 with its own indicators, as its admins would type them once. */
const haidianSystem = (weight = 70) => {
  const haidian = EVALUATION_TEMPLATES.find((t) => t.id === 'haidian')!;
  return {
    name: haidian.name,
    dimensions: haidian.dimensions.map((d) => ({
      ...d,
      indicators: [
        { id: 'i1', name: `${d.name}·过程`, weight, source: { kind: 'manual' } },
        {
          id: 'i2',
          name: `${d.name}·满意度`,
          weight: 100 - weight,
          source: { kind: 'survey', surveyIds: ['sv-x'], dimensions: [], measure: 'satisfaction' },
        },
      ],
    })),
  };
};

/** A district's indicator systems, saved under a name (AP121) and listed for later rounds (AP122). */
describe('saved indicator systems', () => {
  let table: TestTable;
  let admin: TestClient;

  beforeAll(async () => {
    table = await createSeededTable('indicator-systems');
    const core = createCore(testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', RATE_WRITES_CAPACITY: '100000' }));
    admin = new TestClient(core.app);
    await admin.devLogin({ role: 'district_admin', districtId: 'beijing-haidian' });
  });
  afterAll(() => table.drop());

  const path = '/api/admin/districts/beijing-haidian/indicator-systems';

  it('saves 海淀 with its own indicators and lists it for the next round, without the round’s surveys', async () => {
    // Act
    const saved = await admin.call('POST', path, { name: '海淀 2026 版', system: haidianSystem() });
    const list = await admin.call('GET', path);
    // Assess
    expect(saved.status).toBe(201);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: saved.body.id, name: '海淀 2026 版' });
    expect(list.body.items[0].system.dimensions).toHaveLength(6);
    expect(list.body.items[0].system.dimensions[0].indicators[1].source.surveyIds).toEqual([]);
  });

  it('refuses a name in use unless asked to replace it, keeping its id', async () => {
    // Prepare
    const first = await admin.call('POST', path, { name: '海淀 覆盖', system: haidianSystem(70) });
    // Act
    const taken = await admin.call('POST', path, { name: '海淀 覆盖', system: haidianSystem(60) });
    const replaced = await admin.call('POST', path, { name: '海淀 覆盖', system: haidianSystem(60), replace: true });
    const list = await admin.call('GET', path);
    // Assess
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'NAME_TAKEN', details: [{ path: 'name' }] } } });
    expect(replaced.body.id).toBe(first.body.id);
    const kept = list.body.items.filter((s: { name: string }) => s.name === '海淀 覆盖');
    expect(kept).toHaveLength(1);
    expect(kept[0].system.dimensions[0].indicators[0].weight).toBe(60);
  });

  it('names a weight that is out of range or does not sum to 100, by its field', async () => {
    // Prepare
    const system = haidianSystem();
    system.dimensions[0].indicators[0].weight = 120;
    system.dimensions[1].weight = 30;
    // Act
    const answer = await admin.call('POST', path, { name: '海淀 错误', system });
    // Assess
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'INVALID_SYSTEM' } } });
    const fields = Object.fromEntries(answer.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(fields['system.dimensions.0.indicators.0.weight']).toBe('权重不能超过 100');
    expect(fields['system.dimensions']).toBe('各维度权重之和须为 100');
  });
});
