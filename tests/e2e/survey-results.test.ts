import path from 'node:path';
import type { Page } from 'playwright-core';
import type { SurveyDefinition } from '../../shared';
import { h5Api, openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';
import { templateSurvey } from '../support/surveys';

/**
 * Results of every question type and 文字审核, in the H5 app: a survey with likert, single,
 * multiple, NPS and text questions is made through the API, sixteen parents of 经五教育集团
 * answer (minN 5), three of them write a text (held: no WeChat check in tests), and the district
 * admin approves one text and rejects another on the moderation page, then reads every question
 * type on the results page, at 390 × 844 and at 1280 wide.
 */
jest.setTimeout(180_000);

const questions: SurveyDefinition['questions'] = [
  {
    id: 'q1',
    type: 'likert',
    title: '您对学校教育教学质量是否满意',
    required: true,
    dimension: '教育质量',
    labels: ['满意', '比较满意', '基本满意', '不满意'],
    allowUnknown: true,
    satisfiedTopBoxes: 2,
  },
  {
    id: 'q2',
    type: 'single',
    title: '孩子每天主要怎么上学',
    required: true,
    options: [
      { id: 'walk', label: '步行' },
      { id: 'bus', label: '公交或校车' },
      { id: 'car', label: '家长开车接送' },
    ],
  },
  {
    id: 'q3',
    type: 'multiple',
    title: '孩子参加了哪些课后服务',
    required: false,
    options: [
      { id: 'sport', label: '体育' },
      { id: 'art', label: '艺术' },
      { id: 'tech', label: '科技' },
    ],
    min: 0,
    max: 3,
  },
  { id: 'q4', type: 'nps', title: '您有多大可能向亲友推荐本集团的学校', required: true },
  { id: 'q5', type: 'text', title: '您对集团化办学还有什么意见或建议？', required: false },
] as SurveyDefinition['questions'];

const TEXTS = ['希望学校多组织家长开放日', '放学时校门口太拥堵，建议错峰', '食堂饭菜可以再清淡一些'];

describe('survey results and text moderation in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let surveyId: string;

  const api = (...args: Parameters<ReturnType<typeof h5Api>['api']>) => h5Api(h5).api(...args);
  const devToken = (body: object) => h5Api(h5).devToken(body);
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, animations: 'disabled' });
  /**
   * The page at a width, as tall as its content: the H5 page scrolls inside its own container, so
   * a full-page shot of a short viewport would stop at the fold. Back to 390 × 844 afterwards.
   */
  const shotAt = async (name: string, width: number) => {
    await page.setViewportSize({ width, height: 900 });
    // Whichever element scrolls, from its top.
    const height = await page.evaluate(() => {
      const all = [document.documentElement, ...Array.from(document.querySelectorAll('body *'))];
      for (const e of all) e.scrollTop = 0;
      return Math.max(...all.map((e) => e.scrollHeight));
    });
    await page.setViewportSize({ width, height: Math.min(Math.max(height, 844), 8000) });
    await shot(name);
    await page.setViewportSize({ width: 390, height: 844 });
  };

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const definition: SurveyDefinition = {
      ...templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }),
      title: '经五集团家长问卷（结果演示）',
      questions,
    };
    const created = await api('POST', '/admin/surveys', { definition, minN: 5 }, admin);
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    // 在校家庭数 for 经八路小学, so its return rate (10 of 16) can be read against the 70 % line.
    expect((await api('PUT', '/admin/schools/jn-jingbalu-ps/enrollment', { families: 16 }, admin)).status).toBe(200);
    // Ten parents at 经八路小学 and six at 经纬小学; nobody at 经五路小学 (样本不足 there).
    const likert = [4, 4, 4, 3, 3, 3, 2, 1, 4, 3, 4, 2, 3, 4, 3, 3];
    const ways = ['walk', 'walk', 'bus', 'car', 'walk', 'bus', 'walk', 'car', 'walk', 'bus', 'walk', 'car', 'bus', 'walk', 'walk', 'bus'];
    const nps = [10, 9, 9, 8, 7, 10, 6, 3, 9, 8, 10, 5, 9, 10, 9, 2];
    for (let i = 0; i < 16; i++) {
      const schoolId = i < 10 ? 'jn-jingbalu-ps' : 'jn-jingwei-ps';
      const token = await devToken({ role: 'parent', schoolId: `e2e-results-${i}` });
      expect((await api('POST', '/me/schools', { schoolId }, token)).status).toBe(200);
      const answers = {
        q1: { likert: likert[i] },
        q2: { choice: ways[i] },
        ...(i % 3 === 2 ? {} : { q3: { choices: i % 2 === 0 ? ['sport', 'art'] : ['tech'] } }),
        q4: { nps: nps[i] },
        ...(i < TEXTS.length ? { q5: { text: TEXTS[i] } } : {}),
      };
      expect((await api('POST', `/surveys/${surveyId}/responses`, { schoolId, answers }, token)).status).toBe(201);
    }
  });
  afterAll(() => h5?.close());

  test('the admin approves one held text and rejects another on 文字审核', async () => {
    // Prepare
    await switchRole(h5, 'district_admin');
    await page.goto(`${h5.url}/#/packages/survey/results/index?id=${surveyId}`);
    await page.locator('#survey-moderation-link').click();
    await page.locator('#moderation-counts', { hasText: '待审核 3 条' }).waitFor();
    await shot('survey-moderation-390.png');
    // Act
    await page.locator('.held-text', { hasText: TEXTS[0] }).locator('.held-text__approve').click();
    await page.locator('#moderation-counts', { hasText: '已公开 1 条' }).waitFor();
    await page.locator('.held-text', { hasText: TEXTS[1] }).locator('.held-text__reject').click();
    await page.locator('.taro__modal .taro-model__confirm', { hasText: '拒绝' }).click();
    // Assess
    await page.locator('#moderation-counts', { hasText: '待审核 1 条 · 已公开 1 条 · 已拒绝 1 条' }).waitFor();
    expect(await page.locator('.held-text').count()).toBe(1);
    expect(await page.locator('.done-text--rejected').textContent()).toContain(TEXTS[1]);
    // No school name, no date beside a text.
    const body = (await page.locator('.survey-moderation').textContent()) ?? '';
    expect(body).not.toMatch(/经八路|经纬|2026-|2027-/);
    await page.waitForTimeout(1600); // the 已拒绝 toast
    await shot('survey-moderation-done-390.png');
    await shotAt('survey-moderation-1280.png', 1280);
  });

  test('the admin sees every question type in the results, and the approved text only', async () => {
    // Prepare: still on 文字审核 from the test before.
    await page.locator('#moderation-counts').waitFor();
    // Act: back to the results, which reload on showing again.
    await page.goBack();
    await page.locator('#texts-q5', { hasText: TEXTS[0] }).waitFor();
    await page.locator('#responses-jinan-shizhong', { hasText: '答卷 16 份' }).waitFor();
    // Assess: the district's card holds each type.
    const q = (id: string) => page.locator(`#question-jinan-shizhong-${id}`);
    expect(await q('q1').textContent()).toMatch(/满意度指数 \d+\.\d（95% 置信区间 \d+\.\d–\d+\.\d）/);
    expect(await q('q1').textContent()).toContain('满意率');
    expect(await page.locator('#question-jinan-shizhong-q1-bars-4').textContent()).toBe('满意6 人 · 37.5%');
    expect(await page.locator('#question-jinan-shizhong-q2-bars-walk').textContent()).toBe('步行8 人 · 50.0%');
    expect(await q('q3').textContent()).toContain('答题 11 人（可多选');
    // NPS: promoters 9–10 = 9, passives 7–8 = 3, detractors 0–6 = 4 → (9 − 4) / 16 × 100 = 31.25 → 31.3.
    expect(await q('q4').textContent()).toContain('净推荐值 NPS 31.3');
    expect(await page.locator('#question-jinan-shizhong-q4-bars-promoters').textContent()).toBe('推荐者（9–10 分）9 人 · 56.3%');
    expect(await page.locator('#texts-q5').textContent()).toContain(TEXTS[0]);
    expect(await page.locator('#texts-q5').textContent()).not.toContain(TEXTS[1]);
    expect(await page.locator('#texts-q5').textContent()).not.toContain(TEXTS[2]);
    // 经五路小学 has no answers: 样本不足, never a 0 to read.
    expect(await page.locator('#responses-jn-jingwulu-ps').textContent()).toBe('样本不足');
    await shot('survey-results-390.png');
    await shotAt('survey-results-390-full.png', 390);
    await page.locator('#unit-toggle-jn-jingbalu-ps').click();
    await shotAt('survey-results-1280.png', 1280);
  });

  test('per-school progress against 在校家庭数 is one tap from the results', async () => {
    // Prepare
    await switchRole(h5, 'district_admin');
    await page.goto(`${h5.url}/#/packages/survey/results/index?id=${surveyId}`);
    // Act
    await page.locator('#survey-progress-link').click();
    // Assess
    await page.locator('#progress-jn-jingbalu-ps').waitFor();
    const row = (await page.locator('#progress-jn-jingbalu-ps').textContent()) ?? '';
    expect(row).toContain('有效回收 10 / 在校家庭数 16（62.5%）');
    expect(row).toContain('需提醒');
    expect(await page.locator('#progress-legend').textContent()).toContain('红线为 70%');
    await shot('survey-progress-390.png');
    await shotAt('survey-progress-1280.png', 1280);
  });
});
