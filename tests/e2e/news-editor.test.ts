import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openH5, SHOTS, type H5Session, switchRole } from '../support/h5-session';
import { decodablePng } from '../support/news';

/**
 * An office worker writes news without typing Markdown: the toolbar makes a heading, a list,
 * bold text and a link, the live preview shows it as readers will, and after 立即发布 the
 * admin list shows it as 已发布 at once. At phone size and at desktop width.
 */
jest.setTimeout(120_000);

describe('the news editor toolbar in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  const body = () => page.locator('#news-body-input textarea');
  /** Puts the cursor on (or selects) `text` in the body, as a mouse would. */
  const select = (text: string, collapse = false) =>
    body().evaluate(
      (el, [t, c]) => {
        const area = el as HTMLTextAreaElement;
        const at = area.value.indexOf(t as string);
        area.focus();
        area.setSelectionRange(at, c ? at : at + (t as string).length);
      },
      [text, collapse] as const,
    );
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true, animations: 'disabled' });

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
  });
  afterAll(() => h5?.close());

  test.each([
    { width: 390, height: 844, title: '经五集团冬季长跑', suffix: 'phone' },
    { width: 1280, height: 800, title: '经五集团新年音乐会', suffix: 'desktop' },
  ])(
    'at $width px an admin writes with the toolbar, previews live, publishes, and the list says 已发布 at once',
    async ({ width, height, title, suffix }) => {
      // Prepare: the group admin opens 动态 → 新建动态.
      await page.setViewportSize({ width, height });
      await switchRole(h5, 'group_admin');
      await page.locator('#nav-news-admin').click();
      await page.locator('#news-admin-group', { hasText: '经五教育集团' }).waitFor();
      await page.locator('#h5-nav-title', { hasText: '动态管理' }).waitFor();
      await page.locator('#news-new').click();
      await page.locator('#news-title-input input').fill(title);
      await page.locator('#news-author-input input').fill('集团办公室');
      await page.locator('#news-summary-input textarea').fill('三校师生参加');

      // Act: a heading, a list of two lines, bold words and a link, all through the toolbar.
      await body().fill('活动安排');
      await page.locator('#md-heading').click();
      await page.waitForFunction(
        () => (document.querySelector('#news-body-input textarea') as HTMLTextAreaElement).value === '## 活动安排',
      );
      await body().fill('## 活动安排\n\n上午：小学组\n下午：初中组\n\n请准时到校集合。详见通知');
      await body().evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        const from = area.value.indexOf('上午');
        area.focus();
        area.setSelectionRange(from, area.value.indexOf('初中组') + 3);
      });
      await page.locator('#md-list').click();
      await select('准时到校');
      await page.locator('#md-bold').click();
      await select('通知');
      await page.locator('#md-link').click();
      await page.locator('#md-link-url input').fill('https://jyj.jinan.gov.cn/notice/2026');
      await page.locator('#md-link-confirm').click();

      // Assess: the Markdown is what a person would have had to type, and the preview shows it.
      await page.waitForFunction(() =>
        (document.querySelector('#news-body-input textarea') as HTMLTextAreaElement).value.includes('](https://'),
      );
      expect(await body().inputValue()).toBe(
        '## 活动安排\n\n- 上午：小学组\n- 下午：初中组\n\n请**准时到校**集合。详见[通知](https://jyj.jinan.gov.cn/notice/2026)',
      );
      const live = page.locator('#news-live-preview');
      await live.locator('h3', { hasText: '活动安排' }).waitFor();
      expect(await live.locator('li').allTextContents()).toEqual(['上午：小学组', '下午：初中组']);
      expect(await live.locator('strong').textContent()).toBe('准时到校');
      expect(await live.locator('a').getAttribute('href')).toBe('https://jyj.jinan.gov.cn/notice/2026');
      await shot(`news-editor-toolbar-${suffix}.png`);

      // Act: publish, then back to the list with the bar's 返回.
      await page.locator('#news-publish').click();
      await page.getByText('编辑动态（已发布）').waitFor();
      await shot(`news-editor-published-${suffix}.png`);
      await page.locator('#h5-nav-back').click();

      // Assess: at once 已发布 in the list, and no 立即发布 left to press twice.
      // A card on the phone, a table row at desktop width.
      const card = page.locator(width >= 900 ? '.news-row' : '.news-card', { hasText: title });
      await card.locator('.news-card__status', { hasText: '已发布' }).waitFor();
      await shot(`news-admin-list-${suffix}.png`);
      await card.click();
      await page.getByText('编辑动态（已发布）').waitFor();
      expect(await page.locator('#news-publish').count()).toBe(0);
    },
  );

  test('a 1 MB phone photo picked as the cover is compressed on the device to fit 200 KB, then uploaded', async () => {
    // Prepare
    await page.setViewportSize({ width: 390, height: 844 });
    const photo = path.join(SHOTS, 'news-big-cover.png');
    writeFileSync(photo, decodablePng(900, 700, 'noise'));
    await switchRole(h5, 'group_admin');
    await page.locator('#nav-news-admin').click();
    await page.locator('#news-new').click();
    await page.locator('#news-title-input input').fill('经五集团校园开放日');
    await page.locator('#news-author-input input').fill('集团办公室');

    // Act
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#news-cover-button').click();
    await (await chooser).setFiles(photo);
    await page.locator('.news-editor__thumb').waitFor();
    await page.locator('#news-save').click();
    await page.getByText('编辑动态（草稿）').waitFor();

    // Assess: the stored cover is a JPEG within 200 KB, made from a photo five times that.
    const src = await page.locator('.news-editor__thumb').evaluate((el) => (el as unknown as { src: string }).src);
    const stored = await page.request.get(new URL(src, h5.url).toString());
    expect(stored.status()).toBe(200);
    expect(stored.headers()['content-type']).toBe('image/jpeg');
    expect((await stored.body()).byteLength).toBeLessThanOrEqual(200 * 1024);
    expect(decodablePng(900, 700, 'noise').byteLength).toBeGreaterThan(1024 * 1024);
    await shot('news-editor-compressed-cover.png');
  });
});
