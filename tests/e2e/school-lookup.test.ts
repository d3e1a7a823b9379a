import path from 'node:path';
import type { Page } from 'playwright-core';
import { openH5, SHOTS, type H5Session } from '../support/h5-session';

/**
 * The H5 build (npm run build:h5) in headless Chromium, served with the real API on DynamoDB
 * Local: a user looks up a school, opens its group and sees the group's members.
 */
jest.setTimeout(120_000);

const SCREENSHOT = path.join(SHOTS, 'school-lookup.png');

describe('looking up a school in the H5 app', () => {
  let h5: H5Session;
  let page: Page;

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test('search 经八路 → 济南市经八路小学 → 经五教育集团 → its three member schools', async () => {
    // Prepare
    await page.goto(`${h5.url}/`);

    // 'disabled' finishes the page slide-in, which would otherwise be caught half-way.
    const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, animations: 'disabled' });

    // Act (each step is also kept as a screenshot for people to look at)
    await page.locator('#search-input input').fill('经八路');
    const result = page.locator('.school-item', { hasText: '济南市经八路小学' });
    await result.waitFor();
    await shoot('1-home-results.png');
    await result.click();
    const group = page.locator('.group-item', { hasText: '经五教育集团' });
    await group.waitFor();
    await shoot('2-school.png');
    await group.click();
    await page.locator('.member-item').first().waitFor();

    // Assess
    expect(await page.locator('.group-name').textContent()).toBe('经五教育集团');
    expect(await page.locator('.group-lead').textContent()).toContain('济南市经五路小学');
    const members = await page.locator('.member-item__name').allTextContents();
    expect([...members].sort()).toEqual(['济南市经五路小学', '济南市经纬小学', '济南市经八路小学'].sort());
    expect(page.url()).toContain('#/pages/group/index?id=jn-jingwu');

    await page.screenshot({ path: SCREENSHOT, fullPage: true, animations: 'disabled' });
  });
});
