import { h5Api } from '../support/h5-session';
import { templateSurvey } from '../support/surveys';
import { startTestApi } from '../support/test-api';

/**
 * The local Node adapter writes Content-Length into the header object a response was built
 * with, so a header object shared between requests gains a number and the next c.body() on it
 * throws (a 500 on the second read of a round's report, seen in the browser). Every answer that
 * sets its own headers is read twice here through the real server.
 */
describe('answers with their own headers, read twice through the local server', () => {
  let server: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    server = await startTestApi();
  });
  afterAll(() => server.close());

  it("answers a round's report on the second read as on the first", async () => {
    // Prepare
    const { api, devToken } = h5Api(server);
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const survey = await api('POST', '/admin/surveys', { definition: templateSurvey({ districtId: 'jinan-shizhong' }) }, admin);
    const round = await api(
      'POST',
      '/admin/rounds',
      { districtId: 'jinan-shizhong', name: '两次读取', templateId: 'jinan-shizhong', surveyIds: [survey.body.id], previousRoundId: null },
      admin,
    );
    expect(round.status).toBe(201);

    // Act
    const first = await api('GET', `/admin/rounds/${round.body.id}/report`, undefined, admin);
    const second = await api('GET', `/admin/rounds/${round.body.id}/report`, undefined, admin);

    // Assess
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
  }, 60_000);
});
