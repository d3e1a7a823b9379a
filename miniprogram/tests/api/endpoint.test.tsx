import Taro from '@tarojs/taro';
import { callEndpoint } from '../../src/api/endpoint';

const httpAnswer = (statusCode: number, data: unknown) => ({ statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' });

describe('callEndpoint(), a contract entry called by its key', () => {
  const savedEnv = { ...process.env };

  beforeEach(() => {
    process.env.TARO_APP_API_BASE = '';
    process.env.TARO_APP_CLOUD_ENV = '';
  });

  afterEach(() => {
    process.env = { ...savedEnv };
    jest.restoreAllMocks();
  });

  test("sends the key's method to its path, each :param filled in encoded", async () => {
    // Prepare
    const http = jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(200, { ok: true }) as never);

    // Act
    const answer = await callEndpoint('POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve', {
      params: { id: 'rb 1', objectionId: 'o/2' },
      body: { resolution: '已核实' },
    });

    // Assess
    expect(answer).toEqual({ ok: true });
    expect(http.mock.calls[0][0]).toMatchObject({
      url: '/api/admin/rotation/batches/rb%201/objections/o%2F2/resolve',
      method: 'POST',
      data: { resolution: '已核实' },
    });
  });

  test('sends a path without params as it is, with its query', async () => {
    // Prepare
    const http = jest.spyOn(Taro, 'request').mockResolvedValue(httpAnswer(200, { items: [] }) as never);

    // Act
    await callEndpoint('GET /api/rotation/batches', { query: { districtId: 'jinan-shizhong' } });

    // Assess
    expect(http.mock.calls[0][0]).toMatchObject({ url: '/api/rotation/batches?districtId=jinan-shizhong', method: 'GET' });
  });
});
