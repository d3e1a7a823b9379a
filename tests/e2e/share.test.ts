import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { openH5, SHOTS, type H5Session } from '../support/h5-session';

/**
 * The H5 build in headless Chromium with the real API: a reader opens a school from the search,
 * copies its link with 复制链接 and scans its QR code, and the link opened in a fresh tab, with
 * nothing from the first visit, shows the same school.
 */
jest.setTimeout(120_000);

/** The text a PNG data URL's QR code holds. */
function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('sharing a page in the H5 app', () => {
  let h5: H5Session;
  let page: Page;

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h5.url });
  });
  afterAll(() => h5?.close());

  test('复制链接 copies the school’s link, its QR code decodes to it, and the link opens the school cold', async () => {
    // Prepare: reach the school the way a parent would, through the search.
    await page.goto(`${h5.url}/`);
    await page.locator('#search-input input').fill('经八路');
    await page.locator('.school-item', { hasText: '济南市经八路小学' }).click();
    await page.locator('#school-name', { hasText: '济南市经八路小学' }).waitFor();
    const link = `${h5.url}/#/pages/school/index?id=jn-jingbalu-ps`;

    // Act
    await page.locator('#share-copy').click();
    const qr = page.locator('#share-qr img');
    await qr.waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const scanned = decodeQr((await qr.getAttribute('src')) ?? '');
    await page.locator('.share-panel').screenshot({ path: path.join(SHOTS, 'share-school.png'), animations: 'disabled' });
    const cold = await page.context().newPage();
    await cold.goto(scanned ?? 'about:blank');

    // Assess
    expect(await page.locator('#share-link').textContent()).toBe(link);
    expect(copied).toBe(link);
    expect(scanned).toBe(link);
    await cold.locator('#school-name', { hasText: '济南市经八路小学' }).waitFor();
    expect(await cold.locator('.group-item__name').allTextContents()).toContain('经五教育集团');
    await cold.close();
  });
});
