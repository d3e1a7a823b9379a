import path from 'node:path';
import type { Page } from 'playwright-core';
import { h5Api, openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';

/** The district admin enters a school's 在校家庭数 in the H5 app; a wrong number gets the server's words beside the row. */
jest.setTimeout(120_000);

describe('在校家庭数 in the H5 app', () => {
  let h5: H5Session;
  let page: Page;

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test('the district admin saves 600 for 经五路小学, is told why 200000 is refused, and the API reads 600', async () => {
    // Prepare
    await switchRole(h5, 'district_admin');
    await page.locator('#nav-survey-results').click();
    await page.locator('#open-enrollment').click();
    const row = page.locator('#enrollment-jn-jingwulu-ps');
    const input = row.locator('input');
    await row.waitFor();
    // Act: a valid value
    await input.fill('600');
    await row.locator('.enrollment-row__save').click();
    // Assess
    await row.locator('.enrollment-row__updated', { hasText: '最近保存：' }).waitFor();
    // Act: an out-of-range value
    await input.fill('200000');
    await row.locator('.enrollment-row__save').click();
    // Assess
    await row.locator('.enrollment-row__error', { hasText: '在校家庭数须为 0 到 100000 的整数' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'enrollment.png'), fullPage: true, animations: 'disabled' });
    const { api, devToken } = h5Api(h5);
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const listed = await api('GET', '/admin/districts/jinan-shizhong/enrollments', undefined, admin);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((i: { schoolId: string }) => i.schoolId === 'jn-jingwulu-ps')).toMatchObject({ families: 600 });
  });
});
