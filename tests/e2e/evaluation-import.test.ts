import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { h5Api, openH5, SHOTS, switchRole, type H5Session } from '../support/h5-session';
import { templateSurvey } from '../support/surveys';

/**
 * 市中区 at district scale in the H5 app: a round of the 济南 template, the manual-score template
 * downloaded (24 schools × 4 manual indicators = 96 rows), filled in Excel and imported (a file
 * with one bad row first: its error named, nothing stored), the coverage shown before locking
 * (社会认可 has no survey answers yet, so it is missing everywhere), the lock confirmed, and the
 * round published. Screenshots at phone width and at 1280.
 */
jest.setTimeout(240_000);

const ROUND = '2026—2027 学年第二学期';

describe('manual scores of a whole district from Excel', () => {
  let h5: H5Session;
  let page: Page;
  let tmp: string;
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, animations: 'disabled' });
  /** One part of the page: Taro's H5 page scrolls inside itself, so a full-page shot ends at the screen. */
  const partShot = (selector: string, name: string) =>
    page.locator(selector).screenshot({ path: path.join(SHOTS, name), animations: 'disabled' });

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'evaluation-import-'));
    h5 = await openH5();
    page = h5.page;
    // Prepare: the district's parent survey, which feeds 社会认可 (no answers yet).
    const { api, devToken } = h5Api(h5);
    const admin = await devToken({ role: 'district_admin', districtId: 'jinan-shizhong' });
    const definition = { ...templateSurvey({ districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'] }), title: '市中区家长满意度' };
    expect((await api('POST', '/admin/surveys', { definition, minN: 5 }, admin)).status).toBe(201);
  });
  afterAll(async () => {
    await h5?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** The downloaded template with every row filled in; `bad` makes one row's score 120. */
  async function filled(template: Buffer, name: string, bad?: number): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as never);
    const sheet = book.worksheets[0];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      row.getCell(3).value = n - 2 === bad ? 120 : 70 + ((n * 7) % 30);
      row.getCell(4).value = `2026 年督导报告第 ${n} 页`;
      row.getCell(5).value = '王主任';
    });
    const file = path.join(tmp, name);
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    return file;
  }

  async function chooseFile(file: string) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#score-file').click()]);
    await chooser.setFiles(file);
  }

  test('a district admin imports 96 manual scores, locks after the coverage warning, and publishes', async () => {
    // Prepare: a round of the 济南 template, 社会认可 fed by the survey.
    await switchRole(h5, 'district_admin');
    await page.locator('#nav-evaluation').click();
    await page.locator('#new-round-name input').fill(ROUND);
    // The district keeps its system for later rounds: 学校发展 weighs 30, 发展潜能 10.
    await page.locator('#dimension-weight-school input').fill('30');
    await page.locator('#error-system-dimensions', { hasText: '各维度权重合计 110，应为 100' }).waitFor();
    await partShot('#system-editor', 'evaluation-import-weights-off.png');
    await page.locator('#dimension-weight-potential input').fill('10');
    await page.locator('#error-system-dimensions').waitFor({ state: 'detached' });
    await page.locator('#system-save-name input').fill('市中区 2026 版');
    await page.locator('#system-save').click();
    await page.locator('#system-save-message', { hasText: '已保存为本区指标体系“市中区 2026 版”' }).waitFor();
    await page.locator('.chip', { hasText: '市中区家长满意度' }).click();
    await page.locator('#new-round-create').click();
    await page.locator('#score-template').waitFor();
    await shot('evaluation-import-round.png');

    // Act: download the template and look at it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#score-template').click()]);
    const template = readFileSync((await download.path())!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as never);
    const sheet = book.worksheets[0];
    // Assess: one row per school × manual indicator, with the columns the office fills.
    expect(sheet.getRow(1).values).toEqual([undefined, '学校', '指标', '分数', '佐证材料', '录入人']);
    expect(sheet.rowCount - 1).toBe(96);
    expect(download.suggestedFilename()).toBe(`人工评分导入模板-${ROUND}.xlsx`);

    // Act: a file whose fourth row scores 120.
    await chooseFile(await filled(template, '有错的评分.xlsx', 3));
    // Assess: the row and the column named; nothing offered to import.
    await page.getByText('第 5 行 分数：须在 0–100 之间').waitFor();
    expect(await page.locator('#score-import-apply').count()).toBe(0);
    await partShot('.score-import', 'evaluation-import-errors.png');

    // Act: the corrected file, previewed, then imported.
    await chooseFile(await filled(template, '人工评分.xlsx'));
    await page.locator('#score-import-summary', { hasText: '共 96 行：新增 96 条' }).waitFor();
    await partShot('.score-import', 'evaluation-import-preview.png');
    await page.locator('#score-import-apply').click();
    // Assess
    await page.locator('#score-import-done', { hasText: '已导入：共 96 行：新增 96 条' }).waitFor();
    // Every manual indicator is complete; 社会认可 (no answers yet) is missing at all 24 schools.
    const coverage = page.locator('#round-coverage-list');
    await coverage.getByText('24 所学校 × 5 个指标，共 120 项：缺 24 项分数').waitFor();
    expect(await coverage.locator('.coverage__row').first().textContent()).toContain('社会认可·家长满意率（问卷数据不足）缺 24 所');
    expect(await coverage.textContent()).not.toContain('学校发展');
    await partShot('.round-coverage', 'evaluation-import-coverage.png');

    // Act: lock; the dialog names what is missing before anything freezes.
    await page.locator('#round-lock').click();
    const dialog = page.locator('.taro__modal');
    await dialog.getByText(/社会认可·家长满意率 缺 24 所/).waitFor();
    await shot('evaluation-import-lock-confirm.png');
    await dialog.locator('.taro-model__confirm', { hasText: '仍要锁定' }).click();
    await page.locator('#round-status', { hasText: '已锁定' }).waitFor();

    // Act: publish the totals; asked again, naming what is missing.
    await page.locator('#publish-save').click();
    await dialog.getByText(/这些集团的页面将显示“数据不完整”/).waitFor();
    await dialog.locator('.taro-model__confirm', { hasText: '仍要公开' }).click();
    // Assess
    await page.locator('#publish-state', { hasText: '当前已公开' }).waitFor();
    await shot('evaluation-import-published.png');

    // Act: the same page on a desktop screen.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.locator('#publish-state', { hasText: '当前已公开' }).waitFor();
    // Assess
    await shot('evaluation-import-published-wide.png');
    await partShot('.publish-form', 'evaluation-import-publish-form-wide.png');
  });

  test('the next round starts from the system the district saved', async () => {
    // Prepare
    await page.setViewportSize({ width: 390, height: 844 });
    await switchRole(h5, 'district_admin');
    await page.locator('#nav-evaluation').click();
    // Act
    await page.locator('.chip', { hasText: '本区：市中区 2026 版' }).click();
    // Assess
    expect(await page.locator('#dimension-weight-school input').inputValue()).toBe('30');
    expect(await page.locator('#dimension-weight-potential input').inputValue()).toBe('10');
    expect(await page.locator('#system-weight-sum').textContent()).toBe('各维度权重合计 100');
    await partShot('.new-round', 'evaluation-import-saved-system.png');
  });
});
