import path from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { bindSchoolInMe, openH5, SHOTS, type H5Session, switchRole } from '../support/h5-session';
import { decodablePng } from '../support/news';

/**
 * A group admin writes and publishes news with a cover image in the H5 app; a parent of a
 * member school finds it in 我的动态, opens it, and is its one reader.
 */
jest.setTimeout(120_000);

describe('group news in the H5 app', () => {
  let h5: H5Session;
  let page: Page;
  const cover = path.join(SHOTS, 'news-cover.png');

  const switchTo = (role: string) => switchRole(h5, role);

  beforeAll(async () => {
    h5 = await openH5();
    page = h5.page;
    writeFileSync(cover, decodablePng());
  });
  afterAll(() => h5?.close());

  test('an admin publishes with an image; a parent reads it in 我的动态 and the read count is 1', async () => {
    // Prepare: the group admin opens 动态 → 新建动态.
    await switchTo('group_admin');
    await page.locator('#nav-news-admin').click();
    await page.locator('#news-admin-group', { hasText: '经五教育集团' }).waitFor();
    await page.locator('#news-new').click();
    await page.locator('#news-title-input input').fill('经五集团秋季运动会');
    await page.locator('#news-author-input input').fill('集团办公室');
    await page.locator('#news-summary-input textarea').fill('三校联合举办');
    await page.locator('#news-body-input textarea').fill('## 赛程\n\n- 上午：田径\n- 下午：**集体项目**\n\n<script>alert(1)</script>');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#news-cover-button').click();
    await (await chooser).setFiles(cover);
    await page.locator('.news-editor__thumb').waitFor();

    // Act: preview (the server's sanitized nodes), then publish.
    await page.locator('#news-preview').click();
    await page.locator('.news-editor__preview strong', { hasText: '集体项目' }).waitFor();
    await page.locator('#news-publish').click();
    await page.getByText('编辑动态（已发布）').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'news-editor.png'), fullPage: true, animations: 'disabled' });

    // The parent binds 经八路小学 (a member school of 经五) and opens 我的动态.
    await switchTo('parent');
    await bindSchoolInMe(h5, '经八路', '济南市经八路小学');
    await page.goto(`${h5.url}/#/pages/home/index`);
    await page.locator('#nav-news').click();
    const card = page.locator('.news-card', { hasText: '经五集团秋季运动会' });
    await card.locator('.news-card__unread').waitFor();
    // lazyLoad keeps the inner <img> empty until scrolled to; the component holds the signed URL.
    const coverSrc = await card.locator('.news-card__cover').evaluate((el) => (el as unknown as { src: string }).src);
    await page.screenshot({ path: path.join(SHOTS, 'news-feed.png'), fullPage: true, animations: 'disabled' });
    await card.click();

    // Assess
    await page.locator('#news-title', { hasText: '经五集团秋季运动会' }).waitFor();
    await page.locator('#news-read-count', { hasText: '阅读 1' }).waitFor();
    expect(await page.locator('.news-body__text h3').textContent()).toBe('赛程');
    expect(await page.locator('.news-body__text').innerHTML()).not.toContain('script');
    const image = await page.request.get(new URL(coverSrc!, h5.url).toString());
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    await page.screenshot({ path: path.join(SHOTS, 'news-detail.png'), fullPage: true, animations: 'disabled' });
    // Back in the feed it is 已读, still one reader.
    await page.goBack();
    await page.locator('.news-card', { hasText: '经五集团秋季运动会' }).locator('.news-card__read').waitFor();
  });
});
