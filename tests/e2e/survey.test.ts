import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bindSchoolInMe, h5Api, openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';
import { templateSurvey } from '../support/surveys';

/**
 * A parent answers the 家长满意度 template in the H5 app, a second attempt is refused, and the
 * district admin sees 样本不足 until minN (5 here) responses have come in.
 */
jest.setTimeout(120_000);

describe('a survey in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let surveyId: string;

  const api = (...args: Parameters<ReturnType<typeof h5Api>['api']>) => h5Api(h5).api(...args);
  const devToken = (body: object) => h5Api(h5).devToken(body);
  const switchTo = (role: string) => switchRole(h5, role);
  const answerAll = async () => {
    for (const q of ['q1', 'q2', 'q3', 'q4', 'q5']) await page.locator(`#question-${q} .choice`, { hasText: /^满意$/ }).click();
    await page.locator('#survey-submit').click();
  };

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const created = await api(
      'POST',
      '/admin/surveys',
      { definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), minN: 5 },
      admin,
    );
    expect(created.status).toBe(201);
    surveyId = created.body.id;
  });
  afterAll(() => h5?.close());

  test('a parent answers it once; a second attempt is refused', async () => {
    // Prepare: the parent binds 经八路小学 in 我的.
    await switchTo('parent');
    await bindSchoolInMe(h5, '经八路', '济南市经八路小学');
    // Act
    await page.goto(`${h5.url}/#/pages/home/index`);
    await page.locator('#nav-surveys').click();
    await page.locator('.survey-item', { hasText: '家长满意度调查' }).click();
    await page.locator('#survey-progress').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'survey-answer.png'), fullPage: true, animations: 'disabled' });
    await answerAll();
    // Assess
    await page.getByText('提交成功，感谢您的参与').waitFor();
    await page.goto(`${h5.url}/#/packages/survey/answer/index?id=${surveyId}&school=jn-jingbalu-ps`);
    await page.locator('#survey-progress').waitFor();
    await answerAll();
    await page.getByText('你已经提交过本问卷').waitFor();
    await page.goto(`${h5.url}/#/packages/survey/list/index`);
    await page.locator('.survey-item', { hasText: '已提交' }).waitFor();
  });

  test('the district admin sees 样本不足 until five responses, then the numbers', async () => {
    // Prepare
    await switchTo('district_admin');
    await page.locator('#nav-survey-results').click();
    await page.locator('.admin-survey', { hasText: '家长满意度调查' }).click();
    // Assess: one response so far.
    await page.locator('#responses-jn-jingwu', { hasText: '样本不足' }).waitFor();
    // Act: four more parents answer.
    for (let i = 0; i < 4; i++) {
      const token = await devToken({ role: 'parent', schoolId: `e2e-parent-${i}` });
      expect((await api('POST', '/me/schools', { schoolId: 'jn-jingbalu-ps' }, token)).status).toBe(200);
      const answers = { q1: { likert: 4 }, q2: { likert: 3 }, q3: { likert: 4 }, q4: { likert: 2 }, q5: { likert: 4 } };
      expect((await api('POST', `/surveys/${surveyId}/responses`, { schoolId: 'jn-jingbalu-ps', answers }, token)).status).toBe(201);
    }
    await page.reload();
    // Assess
    await page.locator('#responses-jn-jingwu', { hasText: '答卷 5 份' }).waitFor();
    expect(await page.locator('#responses-jn-jingwei-ps').textContent()).toContain('样本不足');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#survey-export').click()]);
    expect(download.suggestedFilename()).toBe('家长满意度调查.xlsx');
    const file = await download.path();
    expect(file && readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    await page.screenshot({ path: path.join(SHOTS, 'survey-results.png'), fullPage: true, animations: 'disabled' });
  });

  test('the district admin publishes a 督导 survey for 经五教育集团 from its template', async () => {
    // Prepare
    await switchTo('district_admin');
    await page.locator('#nav-survey-results').click();
    // Act
    await page.locator('#template-supervision-3').click();
    await page.locator('#new-survey-title input').fill('经五集团督导测评');
    await page.locator('#audience-jn-jingwu').click();
    await page.locator('#new-survey-create').click();
    // Assess
    await page.locator('.admin-survey', { hasText: '经五集团督导测评' }).waitFor();
    const listed = (
      await api(
        'GET',
        '/admin/districts/jinan-shizhong/surveys',
        undefined,
        await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' }),
      )
    ).body.items;
    const created = listed.find((s: { title: string }) => s.title === '经五集团督导测评');
    const definition = (await api('GET', `/surveys/${created.id}`)).body.definition;
    expect(definition.audience.groupIds).toEqual(['jn-jingwu']);
    expect(definition.questions.map((q: { labels?: string[] }) => q.labels)).toEqual([
      ['满意', '基本满意', '不满意'],
      ['满意', '基本满意', '不满意'],
      ['满意', '基本满意', '不满意'],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'survey-builder.png'), fullPage: true, animations: 'disabled' });
  });

  test('a group admin sees and surveys only their own group', async () => {
    // Prepare
    await switchTo('group_admin');
    await page.locator('#nav-survey-results').click();
    // Act
    await page.locator('#new-survey-title input').fill('经五集团家长问卷');
    await page.locator('#new-survey-create').click();
    // Assess: the builder offers 经五 only; the list holds the group's surveys, not the district's.
    await page.locator('.admin-survey', { hasText: '经五集团家长问卷' }).waitFor();
    expect(await page.locator('#audience-all').count()).toBe(0);
    expect(await page.locator('.admin-survey', { hasText: '经五集团督导测评' }).count()).toBe(1);
    expect(await page.locator('.admin-survey', { hasText: '家长满意度调查' }).count()).toBe(1);
  });
  test('the district admin sets the district’s 认可口径, which a group admin does not see', async () => {
    // Prepare
    await switchTo('district_admin');
    await page.locator('#nav-survey-results').click();
    await page.locator('#recognition-updated', { hasText: '尚未修改' }).waitFor();
    // Act
    await page.locator('#recognition-lenient-top-three').click();
    await page.locator('#recognition-save').click();
    // Assess
    await page.locator('#recognition-updated', { hasText: '最近修改' }).waitFor();
    expect(await page.locator('#recognition-label').textContent()).toContain('基本满意');
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    expect((await api('GET', '/admin/districts/jinan-shizhong/survey-settings', undefined, admin)).body.recognition).toBe(
      'lenient-top-three',
    );
    await page.getByText('已保存', { exact: true }).waitFor({ state: 'hidden' });
    await page.screenshot({ path: path.join(SHOTS, 'survey-recognition-setting.png'), fullPage: true, animations: 'disabled' });
    await switchTo('group_admin');
    await page.locator('#nav-survey-results').click();
    await page.locator('#new-survey-create').waitFor();
    expect(await page.locator('#recognition-save').count()).toBe(0);
  });
});
