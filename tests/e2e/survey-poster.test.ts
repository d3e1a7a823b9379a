import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { h5Api, openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';
import { templateSurvey } from '../support/surveys';

/**
 * An admin downloads a school's survey poster from the per-school progress view; its QR code
 * decodes back to the H5 link, which opens the survey with that school chosen for the parent.
 */
jest.setTimeout(120_000);

/** The text of the QR code in a PNG file, as a phone's camera would read it. */
function decodeQr(file: string): string | null {
  const image = PNG.sync.read(readFileSync(file));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

describe('survey posters per school in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let surveyId: string;
  let posterLink: string;

  const api = (...args: Parameters<ReturnType<typeof h5Api>['api']>) => h5Api(h5).api(...args);
  const answerAll = async () => {
    for (const q of ['q1', 'q2', 'q3', 'q4', 'q5']) await page.locator(`#question-${q} .choice`, { hasText: /^满意$/ }).click();
  };

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
    const admin = await h5Api(h5).devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const created = await api(
      'POST',
      '/admin/surveys',
      { definition: templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }) },
      admin,
    );
    expect(created.status).toBe(201);
    surveyId = created.body.id;
    expect((await api('PUT', '/admin/schools/jn-jingbalu-ps/enrollment', { families: 120 }, admin)).status).toBe(200);
  });
  afterAll(() => h5?.close());

  test("the district admin sees each school's progress against the 70 % line and downloads a school's poster", async () => {
    // Prepare
    await switchRole(h5, 'district_admin');
    await page.goto(`${h5.url}/#/packages/survey/progress/index?id=${surveyId}`);
    await page.locator('#progress-jn-jingbalu-ps').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'survey-progress.png'), fullPage: true, animations: 'disabled' });

    // Act
    await page.locator('#poster-open-jn-jingbalu-ps').click();
    await page.locator('#poster-preview').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#poster-save').click()]);
    const file = await download.path();

    // Assess
    expect(await page.locator('.school-progress').count()).toBe(3);
    expect(await page.locator('#progress-jn-jingbalu-ps .school-progress__line').count()).toBe(1);
    expect(download.suggestedFilename()).toBe('问卷海报-济南市经八路小学.png');
    expect(readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    posterLink = decodeQr(file) ?? '';
    expect(posterLink).toBe(`${h5.url}/#/packages/survey/answer/index?id=${surveyId}&school=jn-jingbalu-ps`);
    expect(await page.locator('#poster-link').textContent()).toBe(posterLink);
    copyFileSync(file, path.join(SHOTS, 'survey-poster.png'));
    await page.screenshot({ path: path.join(SHOTS, 'survey-progress-poster.png'), fullPage: true, animations: 'disabled' });
  });

  test("a parent opens the poster's link with the school chosen, confirms it and answers (201)", async () => {
    // Prepare
    await switchRole(h5, 'parent');

    // Act
    await page.goto(posterLink);
    await page.locator('#school-confirm-name', { hasText: '济南市经八路小学' }).waitFor();
    await page.locator('#school-confirm-bind').click();
    await page.locator('#school-confirm-bind').waitFor({ state: 'detached' });
    await answerAll();
    const [submitted] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith(`/api/surveys/${surveyId}/responses`) && res.request().method() === 'POST'),
      page.locator('#survey-submit').click(),
    ]);

    // Assess
    expect(submitted.status()).toBe(201);
    await page.getByText('提交成功，感谢您的参与').waitFor();
    const me = await page.evaluate(async () => {
      const stored = JSON.parse(localStorage.getItem('jituan.session') ?? '{}') as { data?: { token?: string } };
      const res = await fetch('/api/me', { headers: { authorization: `Bearer ${stored.data?.token}` } });
      return (await res.json()) as { schools: Array<{ schoolId: string }> };
    });
    expect(me.schools.map((s) => s.schoolId)).toContain('jn-jingbalu-ps');
  });

  test('a link without a school asks for the school before the questions', async () => {
    // Prepare
    await switchRole(h5, 'parent');

    // Act
    await page.goto(`${h5.url}/#/packages/survey/answer/index?id=${surveyId}`);
    await page.locator('#school-chooser').waitFor();
    const questionsBefore = await page.locator('#survey-submit').count();
    await page.locator('#school-chooser-query input').fill('经八路');
    await page.locator('#school-chooser-search').click();
    await page.locator('#choose-school-jn-jingbalu-ps').last().click();

    // Assess
    expect(questionsBefore).toBe(0);
    await page.locator('#school-confirm-name', { hasText: '济南市经八路小学' }).waitFor();
    await page.locator('#survey-submit').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'survey-choose-school.png'), fullPage: true, animations: 'disabled' });
  });
});
