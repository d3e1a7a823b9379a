import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { createCore } from '../../../src/core';
import { createLogger } from '../../../src/log/logger';
import { SurveyService } from '../../../src/features/surveys/survey-service';
import { createSeededTable, type TestTable } from '../../../../tests/support/dynamo';
import { TestClient } from '../../../../tests/support/api-client';
import { startFakeWeChat, type FakeWeChat } from '../../../../tests/support/fake-wechat';
import { templateSurvey } from '../../../../tests/support/surveys';
import { testConfig } from '../../../../tests/support/test-config';

/** The text of the QR code in a PNG, as a phone's camera would read it. */
function decodeQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** A survey's link and mini-program code per school, against the fake WeChat server. */
describe('survey links and codes per school', () => {
  let table: TestTable;
  let wechat: FakeWeChat;
  let core: ReturnType<typeof createCore>;
  let districtSurvey: string;
  let groupSurvey: string;
  const admins = {} as Record<'district' | 'group' | 'otherDistrict', TestClient>;

  /** The qrcode endpoint's raw answer (a file, not JSON). */
  async function qrcode(client: TestClient, surveyId: string, schoolId: string) {
    const res = await core.app.request(`/api/admin/surveys/${surveyId}/schools/${schoolId}/qrcode`, {
      headers: { authorization: `Bearer ${client.token}` },
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, type: res.headers.get('content-type'), bytes };
  }
  const qrCalls = () => wechat.calls.filter((c) => c.path === '/wxa/getwxacodeunlimit');

  beforeAll(async () => {
    table = await createSeededTable('invites');
    wechat = await startFakeWeChat();
    const config = testConfig(table.tableName, 'local', { AUTH_DEV_LOGIN: '1', WECHAT_API_BASE: wechat.url });
    core = createCore(config, { logger: createLogger(undefined, 'silent') });
    const surveys = new SurveyService(core.infra);
    districtSurvey = (await surveys.create(templateSurvey({ districtId: 'jinan-shizhong' }), 'invites')).id;
    groupSurvey = (await surveys.create(templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), 'invites')).id;
    admins.district = new TestClient(core.app);
    await admins.district.devLogin('district_admin');
    admins.group = new TestClient(core.app);
    await admins.group.devLogin('group_admin');
    admins.otherDistrict = new TestClient(core.app);
    await admins.otherDistrict.devLogin({ role: 'district_admin', districtId: 'qingdao-shibei' });
  });
  afterAll(async () => {
    await wechat.close();
    await table.drop();
  });
  afterEach(() => wechat.setTokenExpired(0));

  it("gives a group admin the link of a district-wide survey for a school of the admin's group", async () => {
    // Act
    const answer = await admins.group.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-jingbalu-ps/invite`);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      surveyId: districtSurvey,
      title: expect.any(String),
      closesAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      schoolId: 'jn-jingbalu-ps',
      schoolName: '济南市经八路小学',
      respondents: ['parent'],
      path: `packages/survey/answer/index?id=${districtSurvey}&school=jn-jingbalu-ps`,
      h5Hash: `#/packages/survey/answer/index?id=${districtSurvey}&school=jn-jingbalu-ps`,
      scene: expect.stringMatching(/^[a-z0-9]{20}$/),
    });
  });

  it('gives the same scene on every ask, and the public scene route resolves it to the survey and school', async () => {
    // Prepare
    const first = await admins.district.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-jingwei-ps/invite`);

    // Act
    const second = await admins.group.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-jingwei-ps/invite`);
    const resolved = await new TestClient(core.app).call('GET', `/api/scenes/${first.body.scene}`);

    // Assess
    expect(second.body.scene).toBe(first.body.scene);
    expect(resolved).toMatchObject({ status: 200, body: { surveyId: districtSurvey, schoolId: 'jn-jingwei-ps' } });
  });

  it('answers 404 for a scene nobody issued', async () => {
    // Act
    const answer = await new TestClient(core.app).call('GET', '/api/scenes/zzzzzzzzzzzzzzzzzzzz');

    // Assess
    expect(answer.status).toBe(404);
    expect(answer.body.error).toEqual({ code: 'NOT_FOUND', message: '未找到该问卷链接，请重新扫码' });
  });

  it('answers a PNG mini-program code for the answer page with the scene, asked of WeChat as it expects', async () => {
    // Prepare
    const invite = await admins.district.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-jingbalu-ps/invite`);

    // Act
    const code = await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');

    // Assess
    expect(code.status).toBe(200);
    expect(code.type).toBe('image/png');
    expect(decodeQr(code.bytes)).toBe(`packages/survey/answer/index?scene=${invite.body.scene}`);
    expect(qrCalls().at(-1)?.body).toEqual({
      scene: invite.body.scene,
      page: 'packages/survey/answer/index',
      check_path: true,
      env_version: 'release',
    });
  });

  it("refuses another group's school (403) and another district's admin (403)", async () => {
    // Act
    const otherGroup = await admins.group.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-yuying-ms/invite`);
    const otherDistrict = await admins.otherDistrict.call('GET', `/api/admin/surveys/${districtSurvey}/schools/jn-jingbalu-ps/invite`);
    const otherDistrictCode = await qrcode(admins.otherDistrict, districtSurvey, 'jn-jingbalu-ps');

    // Assess
    expect(otherGroup.status).toBe(403);
    expect(otherDistrict.status).toBe(403);
    expect(otherDistrictCode.status).toBe(403);
  });

  it("answers 404 NOT_IN_AUDIENCE for a school outside the survey's audience, and asks WeChat nothing", async () => {
    // Prepare
    const callsBefore = qrCalls().length;

    // Act
    const link = await admins.district.call('GET', `/api/admin/surveys/${groupSurvey}/schools/jn-yuying-ms/invite`);
    const code = await qrcode(admins.district, groupSurvey, 'jn-yuying-ms');

    // Assess
    expect(link.status).toBe(404);
    expect(link.body.error).toEqual({ code: 'NOT_IN_AUDIENCE', message: '该学校不在本次问卷范围内' });
    expect(code.status).toBe(404);
    expect(qrCalls()).toHaveLength(callsBefore);
  });

  it.each([
    [41030, 502, 'WECHAT_PAGE_NOT_PUBLISHED', '问卷页面尚未随小程序发布，暂时无法生成小程序码'],
    [45009, 503, 'WECHAT_QUOTA_EXCEEDED', '今日生成小程序码的次数已达上限，请明天再试'],
    [-1, 503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后重试'],
    [40097, 502, 'WECHAT_ERROR', '微信服务返回错误，请稍后重试'],
  ])('maps WeChat errcode %i to %i %s with a Chinese message', async (errcode, status, code, message) => {
    // Prepare
    wechat.failQrCodes(errcode);

    // Act
    const answer = await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');

    // Assess
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.bytes.toString('utf8')).error).toMatchObject({ code, message });
  });

  it('refreshes an expired access token (40001) once and answers the code', async () => {
    // Prepare
    await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');
    const tokensBefore = wechat.tokenRequests();
    wechat.setTokenExpired(1);

    // Act
    const answer = await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');

    // Assess
    expect(answer.status).toBe(200);
    expect(decodeQr(answer.bytes)).toMatch(/^packages\/survey\/answer\/index\?scene=[a-z0-9]{20}$/);
    expect(wechat.tokenRequests()).toBe(tokensBefore + 1);
  });

  it('answers 502 when WeChat rejects the refreshed token too, without looping', async () => {
    // Prepare
    await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');
    const callsBefore = qrCalls().length;
    wechat.setTokenExpired(2);

    // Act
    const answer = await qrcode(admins.district, districtSurvey, 'jn-jingbalu-ps');

    // Assess
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('WECHAT_ERROR');
    expect(qrCalls()).toHaveLength(callsBefore + 2);
  });
});
