import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openH5, SHOTS, type H5Session, switchRole } from '../support/h5-session';

/**
 * 交流轮岗 in the H5 app: a district admin fills the downloaded template with 3 rows, imports and
 * publishes it; the demo teacher (演示教师, 经八路小学) sees 我的交流; a parent files an objection
 * inside the 公示期 and is refused once the server's clock is past it.
 */
jest.setTimeout(180_000);

describe('teacher rotation in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  let offsetMs = 0;
  let batchId: string;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jituan-rotation-'));

  const switchTo = (role: string) => switchRole(h5, role);
  const fileObjection = async (text: string) => {
    await page.goto(`${h5.url}/#/packages/rotation/objection/index?batch=${batchId}`);
    await page.locator('#objection-text textarea').fill(text);
    await page.locator('#objection-submit').click();
  };

  beforeAll(async () => {
    h5 = await openH5({ now: () => new Date(Date.now() + offsetMs) });
    page = h5.page;
  });
  afterAll(async () => {
    await h5?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test('a district admin imports the template filled with 3 rows and publishes it', async () => {
    // Prepare: the template as the page downloads it, filled in.
    await switchTo('district_admin');
    await page.locator('#nav-rotation-admin').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#template-xlsx').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '教师姓名',
      '学科',
      '原学校',
      '交流学校',
      '交流类型',
      '开始月份',
      '结束月份',
      '骨干级别',
      '是否调动人事关系',
    ]);
    sheet.spliceRows(2, 1);
    sheet.addRow(['演示教师', '语文', '济南市经八路小学', '济南市经纬小学', '集团内交流', '2026-09', '2028-08', '区级', '否']);
    sheet.addRow(['周敏', '数学', '济南市经纬小学', '济南市经八路小学', '集团内交流', '2026-09', '2028-08', '无', '否']);
    sheet.addRow(['吴刚', '体育', '济南育英中学', '济南市经八路小学', '走教', '2026-09', '2027-08', '市级', '是']);
    const file = path.join(tmp, '交流轮岗名单.xlsx');
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    await page.locator('#import-title input').fill('2026 学年经五集团交流轮岗');
    // Act
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-upload').click()]);
    await chooser.setFiles(file);
    await page.locator('#import-message', { hasText: '共 3 人' }).waitFor();
    const row = page.locator('.rotation-admin-batch', { hasText: '2026 学年经五集团交流轮岗' });
    await row.locator('.batch-publish').click();
    // Assess
    await row.locator('.list-row__meta', { hasText: '公示中' }).waitFor();
    batchId = ((await row.getAttribute('id')) ?? '').replace(/^batch-/, '');
    expect(batchId).toMatch(/^rb-/);
    await page.screenshot({ path: path.join(SHOTS, 'rotation-admin.png'), fullPage: true, animations: 'disabled' });
  });

  test('the bound teacher sees 我的交流 with the receiving school and its group', async () => {
    // Act
    await switchTo('teacher');
    await page.locator('#nav-my-rotation').click();
    // Assess
    const mine = page.locator('.my-rotation');
    await mine.locator('.list-row__title', { hasText: '交流学校：济南市经纬小学' }).waitFor();
    await mine.locator('.my-rotation__group', { hasText: '经五教育集团' }).waitFor();
    expect(await mine.count()).toBe(1);
    await page.screenshot({ path: path.join(SHOTS, 'rotation-mine.png'), fullPage: true, animations: 'disabled' });
  });

  test('the public notice lists the three teachers and finds one by name', async () => {
    await page.goto(`${h5.url}/#/packages/rotation/detail/index?id=${batchId}`);
    await page.locator('#rotation-status', { hasText: '公示中' }).waitFor();
    expect(await page.locator('.rotation-assignment').count()).toBe(3);
    await page.locator('#search-teacher input').fill('周');
    await page.waitForFunction(() => document.querySelectorAll('.rotation-assignment').length === 1);
    expect(await page.locator('.rotation-assignment .list-row__title').textContent()).toBe('周敏');
  });

  test('a parent files an objection inside the 公示期 and is refused after it', async () => {
    // Act: inside the period.
    await switchTo('parent');
    await fileObjection('吴刚老师已于上学期退休，请核实');
    await page.getByText('异议已提交').waitFor();
    // Act: ten days later the 公示期 (5 working days) is over.
    offsetMs = 10 * 86_400_000;
    await switchTo('parent');
    await fileObjection('过期的异议');
    // Assess
    await page.locator('#objection-error', { hasText: '只能在公示期内提出异议' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'rotation-objection-refused.png'), fullPage: true, animations: 'disabled' });
  });
});
