import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApi } from '../support/test-api';

/**
 * The H5 build (npm run build:h5) in headless Chromium, served with the real API on DynamoDB
 * Local: a user looks up a school, opens its group and sees the group's members.
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..', '..');
const H5_DIST = path.join(ROOT, 'miniprogram', 'dist-h5');
const SHOTS = path.join(ROOT, 'test-artifacts', 'e2e');
const SCREENSHOT = path.join(SHOTS, 'school-lookup.png');

// Debian's chromium; playwright's own browser downloads do not work on this machine.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('looking up a school in the H5 app', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let profileDir: string;
  let browser: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    profileDir = mkdtempSync(path.join(os.tmpdir(), 'jituan-e2e-'));
    [api, browser] = await Promise.all([
      startTestApi({ staticDir: H5_DIST }),
      chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        // A phone-sized screen: the app is laid out for the WeChat webview.
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      }),
    ]);
    page = browser.pages()[0] ?? (await browser.newPage());
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  test('search 经八路 → 济南市经八路小学 → 经五教育集团 → its three member schools', async () => {
    // Prepare
    await page.goto(`${api.url}/`);

    mkdirSync(SHOTS, { recursive: true });
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
