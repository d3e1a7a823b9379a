import path from 'node:path';
import type { Page } from 'playwright-core';
import { bindSchoolInMe, h5Api, openH5, SHOTS, signInAs, switchRole, type H5Session } from '../support/h5-session';

/**
 * An admin builds a 3-question custom survey in the builder (likert, single choice, text),
 * saves it to 草稿箱, previews it as a parent would see it and publishes it; then two parents
 * answer it in the H5 answer page, fourteen more through the API (so the school passes minN 10),
 * and the admin approves one of the held texts on 文字审核 and reads each of the survey's
 * questions on its results page. Screenshots at 390×844 and at a 1280-wide desktop.
 */
jest.setTimeout(180_000);

const TITLE = '课后服务家长满意度';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

describe('the survey builder in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let surveyId: string;

  const api = (...args: Parameters<ReturnType<typeof h5Api>['api']>) => h5Api(h5).api(...args);
  const devToken = (body: object) => h5Api(h5).devToken(body);
  const shot = async (name: string) => {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
  };
  const fill = (selector: string, value: string) => page.locator(`${selector} input, ${selector} textarea`).first().fill(value);
  /** Taps what a person would scroll to first: centred, so the builder's fixed action bar does not cover it. */
  const press = async (selector: string) => {
    const target = page.locator(selector);
    await target.evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await target.click();
  };

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test('a district admin builds a likert, a single choice and a text question, previews and publishes', async () => {
    // Prepare
    await switchRole(h5, 'district_admin');
    await page.locator('#nav-survey-results').click();
    await page.locator('#open-builder').waitFor();
    await shot('survey-builder-admin');
    // Act: the details and the audience.
    await page.locator('#open-builder').click();
    await page.locator('#builder-title').waitFor();
    await fill('#builder-title', TITLE);
    await fill('#builder-description', '本问卷匿名填写，约需 1 分钟。');
    await press('#builder-audience-jn-jingwu');
    await page.locator('#builder-audience-summary', { hasText: '经五教育集团的全部学校' }).waitFor();
    await shot('survey-builder-details');
    // Act: three questions.
    await press('#builder-add-likert');
    await fill('#q-q1-title', '您对学校的课后服务是否满意？');
    await fill('#q-q1-dimension', '课后服务');
    await press('#builder-add-single');
    await fill('#q-q2-title', '孩子每周参加几次课后服务？');
    await fill('#q-q2-option-a', '1–2 次');
    await fill('#q-q2-option-b', '3 次及以上');
    await press('#q-q2-add-option');
    await fill('#q-q2-option-c', '没有参加');
    await press('#builder-add-text');
    await fill('#q-q3-title', '您对课后服务有什么建议？');
    await page.locator('#builder-counter', { hasText: '统计项 2 / 96' }).waitFor();
    await press('#builder-save');
    await page.locator('#builder-status', { hasText: '已保存到草稿箱' }).waitFor();
    await page.getByText('草稿已保存').waitFor({ state: 'hidden' });
    await shot('survey-builder-edit');
    await page.setViewportSize(DESKTOP);
    await shot('survey-builder-edit-desktop');
    await page.setViewportSize(PHONE);
    // Act: the preview, as the parent will see it.
    await press('#builder-preview');
    await page.locator('#preview-view').waitFor();
    await page.locator('#question-q1 .choice', { hasText: /^满意$/ }).click();
    await page.locator('#preview-progress', { hasText: '必答题已完成 1/2' }).waitFor();
    await shot('survey-builder-preview');
    await page.setViewportSize(DESKTOP);
    await shot('survey-builder-preview-desktop');
    await page.setViewportSize(PHONE);
    // Act: publish.
    await press('#builder-preview');
    await press('#builder-publish');
    await page.locator('.taro__modal .taro-model__confirm').click();
    // Assess
    await page.locator('#builder-published').waitFor();
    await shot('survey-builder-published');
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const listed = (await api('GET', '/admin/districts/jinan-shizhong/surveys', undefined, admin)).body.items;
    surveyId = listed.find((s: { title: string }) => s.title === TITLE).id;
    const { definition } = (await api('GET', `/surveys/${surveyId}`)).body;
    expect(definition.audience).toMatchObject({ groupIds: ['jn-jingwu'], respondents: ['parent'] });
    expect(definition.questions.map((q: { id: string; type: string; title: string }) => [q.id, q.type, q.title])).toEqual([
      ['q1', 'likert', '您对学校的课后服务是否满意？'],
      ['q2', 'single', '孩子每周参加几次课后服务？'],
      ['q3', 'text', '您对课后服务有什么建议？'],
    ]);
    expect(definition.questions[1].options.map((o: { label: string }) => o.label)).toEqual(['1–2 次', '3 次及以上', '没有参加']);
    // The draft became the survey: 草稿箱 no longer holds it.
    const drafts = (await api('GET', '/admin/districts/jinan-shizhong/survey-drafts', undefined, admin)).body.items;
    expect(drafts.map((d: { title: string }) => d.title)).not.toContain(TITLE);
    // Back on the admin page the new survey is listed at once; 复制为新问卷 opens its copy in the builder.
    await press('#builder-back');
    await page.locator('.admin-survey', { hasText: TITLE }).waitFor();
    await shot('survey-builder-admin-after');
    await press(`#copy-survey-${surveyId}`);
    await page.locator('.survey-builder #builder-title input').first().waitFor();
    await page.waitForFunction(
      (title) =>
        [...document.querySelectorAll('.survey-builder #builder-title input')].some((e) => (e as HTMLInputElement).value === title),
      `${TITLE}（副本）`,
    );
    expect(await page.locator('.survey-builder .question-editor').count()).toBe(3);
  });

  test('two parents answer it in the answer page', async () => {
    const answered: boolean[] = [];
    for (const [i, choice] of ['3 次及以上', '1–2 次'].entries()) {
      // Prepare: the demo parent binds 经八路小学 in 我的; the second parent is another dev login, bound through the API.
      if (i === 0) {
        await switchRole(h5, 'parent');
        await bindSchoolInMe(h5, '经八路', '济南市经八路小学');
      } else {
        const token = await devToken({ role: 'parent', schoolId: 'builder-parent-2' });
        expect((await api('POST', '/me/schools', { schoolId: 'jn-jingbalu-ps' }, token)).status).toBe(200);
        await signInAs(h5, { token, expiresAt: new Date(Date.now() + 3600_000).toISOString() });
      }
      // Act
      await page.goto(`${h5.url}/#/packages/survey/answer/index?id=${surveyId}&school=jn-jingbalu-ps`);
      const form = page.locator('.survey-answer', { has: page.locator('#survey-progress') });
      await form.locator('#survey-progress').waitFor();
      await form.locator('#question-q1 .choice', { hasText: /^比较满意$/ }).click();
      await form.locator('#question-q2 .choice', { hasText: choice }).click();
      await form.locator('#question-q3 textarea').fill(`希望增加体育类课程 ${i + 1}`);
      if (i === 0) await shot('survey-builder-parent-answer');
      await form.locator('#survey-submit').click();
      // Assess
      await page.getByText('提交成功，感谢您的参与').waitFor();
      const token = await page.evaluate(() => JSON.parse(localStorage.getItem('jituan.session')!).data.token as string);
      answered.push((await api('GET', `/surveys/${surveyId}/answered`, undefined, token)).body.answered);
    }
    expect(answered).toEqual([true, true]);
  });

  test('the admin approves one text on 文字审核 and reads every question of the built survey in its results', async () => {
    // Prepare: fourteen more parents of 经八路小学 answer through the API (16 in all, minN 10).
    const likert = [1, 1, 2, 1, 2, 3, 1, 2, 1, 4, 2, 1, 1, 2];
    for (const [i, value] of likert.entries()) {
      const token = await devToken({ role: 'parent', schoolId: `builder-parent-api-${i}` });
      expect((await api('POST', '/me/schools', { schoolId: 'jn-jingbalu-ps' }, token)).status).toBe(200);
      const answers = { q1: { likert: 5 - value }, q2: { choice: i % 3 === 0 ? 'c' : 'a' } };
      expect((await api('POST', `/surveys/${surveyId}/responses`, { schoolId: 'jn-jingbalu-ps', answers }, token)).status).toBe(201);
    }
    await switchRole(h5, 'district_admin');
    await page.goto(`${h5.url}/#/packages/survey/results/index?id=${surveyId}`);

    // Act: approve the first parent's text, leave the second held.
    await page.locator('#survey-moderation-link').click();
    await page.locator('#moderation-counts', { hasText: '待审核 2 条' }).waitFor();
    await page.locator('.held-text', { hasText: '希望增加体育类课程 1' }).locator('.held-text__approve').click();
    await page.locator('#moderation-counts', { hasText: '已公开 1 条' }).waitFor();
    await shot('survey-builder-moderation');
    await page.goBack();

    // Assess: the likert index, the choice shares and the approved text only, for the district.
    await page.locator('#responses-jinan-shizhong', { hasText: '答卷 16 份' }).waitFor();
    await page.locator('#texts-q3', { hasText: '希望增加体育类课程 1' }).waitFor();
    const q = (id: string) => page.locator(`#question-jinan-shizhong-${id}`);
    expect(await q('q1').textContent()).toMatch(/满意度指数 \d+\.\d（95% 置信区间 \d+\.\d–\d+\.\d）/);
    // 经八路's 16 answers to q2: the UI parents chose 3 次及以上 (b) and 1–2 次 (a); of the API's
    // fourteen, i % 3 = 0 (5 parents) chose 没有参加 (c), the other 9 chose a: a 10, b 1, c 5.
    expect(await page.locator('#question-jinan-shizhong-q2-bars-a').textContent()).toBe('1–2 次10 人 · 62.5%');
    expect(await page.locator('#question-jinan-shizhong-q2-bars-c').textContent()).toBe('没有参加5 人 · 31.3%');
    expect(await page.locator('#texts-q3').textContent()).not.toContain('希望增加体育类课程 2');
    await shot('survey-builder-results');
    await page.setViewportSize(DESKTOP);
    await shot('survey-builder-results-desktop');
    await page.setViewportSize(PHONE);
  });
});
