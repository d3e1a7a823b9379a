import path from 'node:path';
import type { Page } from 'playwright-core';
import { openH5, SHOTS, type H5Session } from '../support/h5-session';

/**
 * The H5 build with the real API on DynamoDB Local: a 海淀 parent chooses the district and
 * sees the district's own published figures (not our counts) and the five schools 003 names.
 */
jest.setTimeout(120_000);

describe('海淀 on the home page of the H5 app', () => {
  let h5: H5Session;
  let page: Page;

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test('choosing 北京·海淀区 shows its reported figures with their source, and its five schools', async () => {
    // Prepare
    await page.goto(`${h5.url}/`);

    // Act
    await page.locator('#district-chip-beijing-haidian').click();
    await page.locator('#reported-facts-line').waitFor();
    await page.locator('.school-item', { hasText: '永定路二小' }).waitFor();

    // Assess
    expect(await page.locator('#reported-facts-line').textContent()).toBe(
      '据区教委公开资料：36 个教育集团，140 余个校址，100 余所成员校，19 万余名学生在集团内就读',
    );
    expect(await page.locator('#reported-facts').textContent()).toContain('并非本平台收录的集团和学校数量');
    expect(await page.locator('#reported-facts-source').textContent()).toContain('海淀区教委');
    const names = await page.locator('.school-item .school-name').allTextContents();
    expect([...names].sort()).toEqual(['上地实验小学', '中关村二小', '五一小学', '永定路一小', '永定路二小'].sort());
    expect(await page.getByText('没有找到相关学校').count()).toBe(0);

    await page.screenshot({ path: path.join(SHOTS, 'haidian-reported.png'), fullPage: true, animations: 'disabled' });
  });
});
