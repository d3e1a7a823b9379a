import path from 'node:path';
import type { AdminSchool } from '../../shared';
import { wgs84ToGcj02 } from '../../miniprogram/src/packages/nearby/wgs84-to-gcj02';
import { h5Api, openH5, SHOTS, type H5Session } from '../support/h5-session';

/**
 * 附近的学校 in the H5 build, with Chromium's geolocation granted: a district admin gives three
 * seed schools coordinates (the seed documents give none), then a parent taps 使用我的位置 and
 * sees them nearest first, measured from the browser's WGS-84 point converted to GCJ-02.
 */
jest.setTimeout(120_000);

// 泉城广场, Jinan, as a browser (WGS-84) reports it.
const BROWSER = { latitude: 36.6605, longitude: 117.0155 };
// Where the page says the parent is: converted, then rounded to 4 decimals as it sends it.
const converted = wgs84ToGcj02(BROWSER.latitude, BROWSER.longitude);
const HERE = { lat: Math.round(converted.lat * 1e4) / 1e4, lng: Math.round(converted.lng * 1e4) / 1e4 };
/** A GCJ-02 point `north` metres from where the parent stands. */
const north = (metres: number) => ({ lat: Math.round((HERE.lat + metres / 111_195) * 1e6) / 1e6, lng: Math.round(HERE.lng * 1e6) / 1e6 });
const PLACED: Array<[string, number]> = [
  ['jn-jingwulu-ps', 2_500],
  ['jn-jingbalu-ps', 300],
  ['jn-jingwei-ps', 1_200],
];

describe('nearby schools in the H5 app', () => {
  let h5: H5Session;

  beforeAll(async () => {
    h5 = await openH5({ geolocation: BROWSER });
    const { api, devToken } = h5Api(h5);
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const { body } = await api('GET', '/admin/districts/jinan-shizhong/catalog', undefined, admin);
    for (const [id, metres] of PLACED) {
      const school = (body.schools as AdminSchool[]).find((s) => s.id === id)!;
      const { id: _id, districtId: _d, families: _f, campuses: _c, archivedAt: _a, ...fields } = school;
      const present = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
      const written = await api('PUT', `/admin/schools/${id}`, { ...present, location: north(metres) }, admin);
      expect(written.status).toBe(200);
    }
  });
  afterAll(() => h5?.close());

  test('the home page’s 附近的学校 lists the schools with coordinates nearest first, with their distance', async () => {
    // Prepare
    const { page } = h5;
    await page.goto(`${h5.url}/#/pages/home/index`);
    await page.locator('#open-nearby').click();
    await page.locator('.nearby #status-hint').waitFor();
    // Act
    await page.locator('#nearby-locate').click();
    await page.locator('.nearby .school-item').nth(2).waitFor();
    // Assess: only these three seed schools have coordinates (H5 keeps the home page in the DOM, hence .nearby).
    expect(await page.locator('.nearby .school-name').allTextContents()).toEqual([
      '济南市经八路小学',
      '济南市经纬小学',
      '济南市经五路小学',
    ]);
    expect(await page.locator('.nearby__distance').allTextContents()).toEqual(['300 米', '1.2 公里', '2.5 公里']);
    expect(page.url()).toContain('#/packages/nearby/index');
    await page.screenshot({ path: path.join(SHOTS, 'nearby.png'), fullPage: true, animations: 'disabled' });
  });
});
