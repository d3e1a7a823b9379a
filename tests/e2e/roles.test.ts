import path from 'node:path';
import type { Page } from 'playwright-core';
import { openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';

/**
 * The H5 demo with the real API: each demo role sees its own navigation; a group admin
 * registers a teacher and gets an invite code; a parent binds a school in 我的.
 */
jest.setTimeout(120_000);

describe('demo roles in the H5 app', () => {
  let h5: H5Session;
  let page: Page;

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  const navLabels = async () => (await page.locator('#role-nav .role-nav__entry').allTextContents()).map((t) => t.trim());
  const switchTo = (role: string) => switchRole(h5, role);

  test.each([
    ['parent', ['我的']],
    ['teacher', ['我的', '我的任教学校', '我的交流', '轮岗公示', '我的问卷', '我的异议']],
    ['group_admin', ['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']],
    ['district_admin', ['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']],
  ])('as %s the home page shows %j', async (role, expected) => {
    // Act
    await switchTo(role);
    await page.waitForFunction((n) => document.querySelectorAll('#role-nav .role-nav__entry').length === n, expected.length);
    // Assess
    expect(await navLabels()).toEqual(expected);
    await page.screenshot({ path: path.join(SHOTS, `roles-${role}.png`), animations: 'disabled' });
  });

  test('a group admin registers a teacher at 济南市经八路小学 and gets a one-time invite code', async () => {
    // Prepare
    await switchTo('group_admin');
    await page.locator('#nav-admin').click();
    // Act
    await page.locator('#admin-school-jn-jingbalu-ps').click();
    await page.locator('#admin-school-jn-jingbalu-ps.admin__school--active').waitFor();
    await page.locator('#teacher-name input').fill('钱老师');
    await page.locator('#teacher-add').click();
    const row = page.locator('.admin-teacher', { hasText: '钱老师' });
    await row.waitFor();
    await row.locator('.admin-teacher__invite').click();
    // Assess
    await page.locator('#invite-code').waitFor();
    expect(await page.locator('#invite-code').textContent()).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await page.screenshot({ path: path.join(SHOTS, 'roles-admin-invite.png'), fullPage: true, animations: 'disabled' });
    // A code sent to the wrong person is revoked (after confirming) and disappears.
    await page.locator('.admin-issued__revoke').click();
    await page.locator('.taro__modal .taro-model__confirm', { hasText: '撤销' }).click();
    await page.locator('.admin-issued__item', { hasText: '已撤销' }).waitFor();
    expect(await page.locator('#invite-code').count()).toBe(0);
  });

  test('a parent binds 济南市经八路小学 in 我的, sees it there, and gets its group on the home page', async () => {
    // Prepare
    await switchTo('parent');
    await page.locator('#nav-me').click();
    // Act
    await page.locator('#bind-school-input input').fill('经八路');
    await page.locator('.school-picker__hit', { hasText: '济南市经八路小学' }).click();
    // Assess
    await page.locator('.me-school__name', { hasText: '济南市经八路小学' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'roles-parent-me.png'), fullPage: true, animations: 'disabled' });
    await page.goto(`${h5.url}/#/pages/home/index`);
    await page.locator('#nav-group-jn-jingwu').waitFor();
    expect(await navLabels()).toEqual(['我的', '我的问卷', '我的动态', '轮岗公示', '经五教育集团']);
    await page.screenshot({ path: path.join(SHOTS, 'roles-parent-home.png'), animations: 'disabled' });
  });
});
