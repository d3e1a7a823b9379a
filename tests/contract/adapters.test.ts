import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { handler as LambdaHandler } from '../../functions/src/adapters/lambda';
import { startLocalServer, type LocalServer } from '../../functions/src/adapters/node-server';
import { createCore } from '../../functions/src/core';
import { createSeededTable, type TestTable } from '../support/dynamo';
import { userKeyFor } from '../../functions/src/features/identity/domain/pseudonym';
import { SurveyService } from '../../functions/src/features/surveys/survey-service';
import { templateSurvey } from '../support/surveys';
import { testConfig, testEnv } from '../support/test-config';

/**
 * The same requests through the three runtimes (AWS Lambda, WeChat cloud function, local Node
 * server) must get the same status and the same body.
 */
interface Call {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
}
interface Answer {
  status: number;
  body: unknown;
}

const CALLS: Call[] = [
  { method: 'GET', path: '/api/districts' },
  { method: 'GET', path: '/api/districts/jinan-shizhong/groups' },
  { method: 'GET', path: '/api/districts/nowhere/groups' },
  { method: 'GET', path: '/api/groups/jn-jingwu' },
  { method: 'GET', path: '/api/groups/qd-qingda-binhai' },
  { method: 'GET', path: '/api/schools', query: { q: '经八路' } },
  { method: 'GET', path: '/api/schools', query: { q: '經八路' } },
  { method: 'GET', path: '/api/schools', query: { q: 'jbl', district: 'jinan-shizhong' } },
  { method: 'GET', path: '/api/schools', query: { district: 'qingdao-shibei', limit: '5' } },
  { method: 'GET', path: '/api/schools', query: { q: '' } },
  { method: 'GET', path: '/api/schools', query: { q: '学'.repeat(51) } },
  { method: 'GET', path: '/api/schools', query: { q: 'a', limit: '0' } },
  { method: 'GET', path: '/api/schools', query: { q: 'a', cursor: '!!' } },
  { method: 'GET', path: '/api/schools/wh-no5-ps' },
  { method: 'GET', path: '/api/schools/no-such-school' },
  { method: 'GET', path: '/api/groups/jn-jingwu/evaluation' },
  { method: 'GET', path: '/api/groups/no-such-group/evaluation' },
  { method: 'GET', path: '/api/groups/jn-jingwu/news' },
  { method: 'GET', path: '/api/groups/jn-jingwu/news', query: { cursor: '!!' } },
  { method: 'GET', path: '/api/news/nw-nothing' },
  { method: 'GET', path: '/api/rotation/batches', query: { districtId: 'jinan-shizhong' } },
  { method: 'GET', path: '/api/rotation/batches' },
  { method: 'GET', path: '/api/rotation/batches/rb-nothing' },
  { method: 'GET', path: '/api/nothing-here' },
  { method: 'POST', path: '/api/districts', body: { name: 'x' } },
  { method: 'DELETE', path: '/api/schools/jn-jingbalu-ps' },
];

const queryString = (query: Record<string, string> = {}) => new URLSearchParams(query).toString();
const label = ({ method, path, query = {} }: Call) =>
  `${method} ${path} ${Object.entries(query)
    .map(([k, v]) => `${k}=${v.length > 12 ? `<${v.length} chars>` : v}`)
    .join('&')}`;

function lambdaEvent({ method, path, query, body }: Call): APIGatewayProxyEventV2 {
  const rawQueryString = queryString(query);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'api.example.com', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    queryStringParameters: query,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'contract-test' },
      requestId: 'req',
      routeKey: '$default',
      stage: '$default',
      time: '23/Nov/2026:00:00:00 +0000',
      timeEpoch: 0,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

describe('one core, three runtimes', () => {
  let table: TestTable;
  let server: LocalServer;
  let lambdaHandler: typeof LambdaHandler;
  let cloudMain: (event: unknown) => Promise<Answer>;

  beforeAll(async () => {
    table = await createSeededTable('contract');
    // The Lambda and cloud adapters read their configuration when loaded, as on their platforms.
    Object.assign(process.env, testEnv(table.tableName));
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'o-contract-test-openid';
    process.env.WX_APPID = 'wx-test-appid';
    ({ handler: lambdaHandler } = await import('../../functions/src/adapters/lambda'));
    ({ main: cloudMain } = await import('../../functions/src/adapters/cloud'));
    const { app } = createCore(testConfig(table.tableName));
    server = await startLocalServer({ app, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await table.drop();
  });

  const viaLambda = async (call: Call): Promise<Answer> => {
    // hono types the v2 body as string | null where @types/aws-lambda says string | undefined.
    const result = await lambdaHandler(lambdaEvent(call) as unknown as Parameters<typeof LambdaHandler>[0], {} as Context);
    return { status: result.statusCode ?? 0, body: JSON.parse(result.body ?? 'null') };
  };
  const viaCloud = (call: Call): Promise<Answer> =>
    // WeChat adds userInfo to the event; the adapter must ignore it (identity comes from getWXContext).
    cloudMain({ ...call, userInfo: { appId: 'wx-test-appid', openId: 'o-forged' } });
  const viaNode = async ({ method, path, query, body }: Call): Promise<Answer> => {
    const qs = queryString(query);
    const res = await fetch(`${server.url}${path}${qs ? `?${qs}` : ''}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it.each(CALLS.map((call) => [label(call), call] as const))('%s gets the same answer everywhere', async (_name, call) => {
    // Act
    const [lambda, cloud, node] = await Promise.all([viaLambda(call), viaCloud(call), viaNode(call)]);
    // Assess
    expect(lambda.status).toBeGreaterThanOrEqual(200);
    expect(lambda.status).toBeLessThan(500);
    expect(cloud).toEqual(lambda);
    expect(node).toEqual(lambda);
  });

  it('answers a cloud call that is not a request with 400 BAD_CLOUD_CALL', async () => {
    const answer = await cloudMain({ path: 42 });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'BAD_CLOUD_CALL' } });
  });

  it('walks the same pages with a cursor from another runtime', async () => {
    // Prepare: first page from the Lambda, next page from the cloud function and the local server.
    const first = await viaLambda({ method: 'GET', path: '/api/schools', query: { district: 'jinan-shizhong', limit: '10' } });
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const next: Call = { method: 'GET', path: '/api/schools', query: { district: 'jinan-shizhong', limit: '10', cursor } };
    // Act
    const [cloud, node] = await Promise.all([viaCloud(next), viaNode(next)]);
    // Assess
    expect(cursor).toEqual(expect.any(String));
    expect(cloud).toEqual(node);
    expect((cloud.body as { items: unknown[] }).items).toHaveLength(10);
  });
});

describe('identity on each runtime', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createSeededTable('identity-contract');
    // Even with the flag set in their environment, Lambda and the cloud function never offer dev login.
    Object.assign(process.env, testEnv(table.tableName, { AUTH_DEV_LOGIN: '1' }));
    process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID';
    process.env.WX_OPENID = 'o-cloud-identity-openid';
  });
  afterAll(() => table.drop());

  it('refuses dev login on Lambda and in the cloud function, even with AUTH_DEV_LOGIN=1', async () => {
    // Prepare
    jest.resetModules();
    const { handler } = await import('../../functions/src/adapters/lambda');
    const { main } = await import('../../functions/src/adapters/cloud');
    const call: Call = { method: 'POST', path: '/api/auth/dev', body: { role: 'district_admin', districtId: 'jinan-shizhong' } };
    // Act
    const lambda = await handler(lambdaEvent(call) as unknown as Parameters<typeof LambdaHandler>[0], {} as Context);
    const cloud = await main(call);
    // Assess
    expect(lambda.statusCode).toBe(404);
    expect(cloud.status).toBe(404);
  });

  it('knows the cloud caller from getWXContext, not from the event', async () => {
    // Prepare
    jest.resetModules();
    const { main } = await import('../../functions/src/adapters/cloud');
    // Act: the event claims another user; WeChat's context says who it is.
    const me = await main({ method: 'GET', path: '/api/me', userInfo: { openId: 'o-forged' } });
    const bound = await main({ method: 'POST', path: '/api/me/schools', body: { schoolId: 'wh-no5-ps' } });
    const again = await main({ method: 'GET', path: '/api/me' });
    // Assess
    expect(me.status).toBe(200);
    expect(bound.status).toBe(200);
    expect((again.body as { schools: Array<{ schoolId: string }> }).schools.map((s) => s.schoolId)).toEqual(['wh-no5-ps']);
    expect(JSON.stringify(again.body)).not.toContain('o-cloud-identity-openid');
  });

  it('needs a session token on Lambda', async () => {
    jest.resetModules();
    const { handler } = await import('../../functions/src/adapters/lambda');
    const answer = await handler(
      lambdaEvent({ method: 'GET', path: '/api/me' }) as unknown as Parameters<typeof LambdaHandler>[0],
      {} as Context,
    );
    expect(answer.statusCode).toBe(401);
    expect(JSON.parse(answer.body).error.code).toBe('UNAUTHENTICATED');
  });

  it('sends files (the XLSX export) from the cloud function as base64', async () => {
    // Prepare: the cloud caller is a district admin; a survey exists.
    jest.resetModules();
    const { main } = await import('../../functions/src/adapters/cloud');
    const config = testConfig(table.tableName);
    const core = createCore(config);
    await core.infra.users.putGrant(userKeyFor('o-cloud-identity-openid', config.auth.pseudonymSecret), {
      kind: 'grant',
      role: 'district_admin',
      scopeType: 'district',
      scopeId: 'jinan-shizhong',
      scopeName: '市中区',
      grantedAt: '2026-11-23T00:00:00Z',
      grantedVia: 'test',
    });
    const survey = await new SurveyService(core.infra).create(templateSurvey({ districtId: 'jinan-shizhong' }), 'test');
    // Act
    const answer = await main({ method: 'GET', path: `/api/admin/surveys/${survey.id}/export` });
    // Assess
    const body = answer.body as { contentType: string; base64: string };
    expect(answer.status).toBe(200);
    expect(body.contentType).toContain('spreadsheetml');
    expect(Buffer.from(body.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
