import { NEWS_COVER_BYTES_MAX } from '../../../shared/news/news-limits';
import { ATTEMPTS, compressToFit } from '../../src/packages/news/admin/compress-image';
import { forgetFresh, rememberSaved, withFreshItems } from '../../src/packages/news/admin/fresh-items';
import { previewNodes } from '../../src/packages/news/admin/edit/markdown-preview';
import { insertImage, insertLink, toggleBold, toggleHeading, toggleList } from '../../src/packages/news/admin/edit/markdown-toolbar';
import type { NewsSummary } from '../../../shared';

describe('the news editor toolbar writes the Markdown for the author', () => {
  test('加粗 wraps the selection in ** and keeps the same words selected', () => {
    // Prepare
    const text = '下午进行集体项目比赛';
    const start = text.indexOf('集体项目');

    // Act
    const edit = toggleBold(text, start, start + 4);

    // Assess
    expect(edit.text).toBe('下午进行**集体项目**比赛');
    expect(edit.text.slice(edit.start, edit.end)).toBe('集体项目');
  });

  test('加粗 with nothing selected inserts a selected placeholder, and pressed again takes the marks off', () => {
    // Prepare
    const first = toggleBold('开头', 2, 2);

    // Act
    const undone = toggleBold(first.text, first.start, first.end);

    // Assess
    expect(first.text).toBe('开头**加粗文字**');
    expect(first.text.slice(first.start, first.end)).toBe('加粗文字');
    expect(undone.text).toBe('开头加粗文字');
  });

  test('标题 makes the line under the cursor a ## heading, and a second press makes it text again', () => {
    // Prepare
    const text = '第一段\n赛程安排\n第三段';
    const cursor = text.indexOf('程');

    // Act
    const heading = toggleHeading(text, cursor, cursor);
    const plain = toggleHeading(heading.text, heading.start, heading.start);

    // Assess
    expect(heading.text).toBe('第一段\n## 赛程安排\n第三段');
    expect(plain.text).toBe(text);
  });

  test('列表 turns every selected line into an item, after a blank line so it is not read as the paragraph', () => {
    // Prepare
    const text = '安排如下\n上午：田径\n下午：集体项目';
    const start = text.indexOf('上午');

    // Act
    const edit = toggleList(text, start, text.length);

    // Assess
    expect(edit.text).toBe('安排如下\n\n- 上午：田径\n- 下午：集体项目');
    expect(edit.text.slice(edit.start, edit.end)).toBe('- 上午：田径\n- 下午：集体项目');
  });

  test('链接 makes the selected words the link text; with no selection the address is the text', () => {
    // Prepare
    const text = '详见通知';
    const url = 'https://jyj.jinan.gov.cn/notice/1';

    // Act
    const withWords = insertLink(text, 2, 4, url);
    const bare = insertLink('', 0, 0, url);

    // Assess
    expect(withWords.text).toBe(`详见[通知](${url})`);
    expect(withWords.start).toBe(withWords.text.length);
    expect(bare.text).toBe(`[${url}](${url})`);
  });

  test('图片 puts the uploaded image on a line of its own at the cursor', () => {
    // Prepare
    const text = '第一段第二段';

    // Act
    const edit = insertImage(text, 3, 3, 'g1.abc.jpg');

    // Assess
    expect(edit.text).toBe('第一段\n\n![图片](g1.abc.jpg)\n\n第二段');
    expect(edit.text.slice(0, edit.start)).toBe('第一段\n\n![图片](g1.abc.jpg)');
  });
});

describe('the live preview reads the Markdown as the server does', () => {
  test('headings, bold, lists, allowed links and this group’s images become the readers’ nodes', () => {
    // Prepare
    const markdown =
      '## 赛程\n\n- 上午：田径\n- 下午：**集体项目**\n\n详见[通知](https://jyj.jinan.gov.cn/a)和[别处](https://evil.example.com)\n\n![现场](g1.img.jpg)\n![他人](g2.img.jpg)';

    // Act
    const nodes = previewNodes(markdown, 'g1', (id) => (id === 'g1.img.jpg' ? 'blob:local/1' : undefined));

    // Assess
    const json = JSON.stringify(nodes);
    expect(nodes[0]).toMatchObject({ name: 'h3', children: [{ type: 'text', text: '赛程' }] });
    expect(nodes[1]).toMatchObject({
      name: 'ul',
      children: [{ name: 'li' }, { name: 'li', children: [{ text: '下午：' }, { name: 'strong' }] }],
    });
    expect(nodes[2]).toMatchObject({
      name: 'p',
      children: [{ text: '详见' }, { name: 'a', attrs: { href: 'https://jyj.jinan.gov.cn/a' } }, { text: '和别处' }],
    });
    expect(json).toContain('blob:local/1');
    expect(json).not.toContain('evil.example.com');
    expect(json).not.toContain('g2.img.jpg');
  });
});

describe('a picked cover is compressed on the device to fit 200 KB', () => {
  const bytes = (n: number) => new ArrayBuffer(n);

  test('a photo that already fits is uploaded as it is', async () => {
    // Prepare
    const compress = jest.fn();

    // Act
    const fitted = await compressToFit({ path: 'p', data: bytes(150 * 1024) }, NEWS_COVER_BYTES_MAX, compress);

    // Assess
    expect(fitted).toMatchObject({ path: 'p', compressed: false });
    expect(compress).not.toHaveBeenCalled();
  });

  test('a 3 MB phone photo is compressed step by step until it fits', async () => {
    // Prepare: the device halves the size at each rougher try.
    const compress = jest.fn(async (_path: string, quality: number, scale: number) => ({
      path: `small-${quality}-${scale}`,
      data: bytes(Math.round(3 * 1024 * 1024 * quality * scale * scale * 0.25)),
    }));

    // Act
    const fitted = await compressToFit({ path: 'p', data: bytes(3 * 1024 * 1024) }, NEWS_COVER_BYTES_MAX, compress);

    // Assess
    expect(fitted.compressed).toBe(true);
    expect(fitted.data.byteLength).toBeLessThanOrEqual(NEWS_COVER_BYTES_MAX);
    expect(compress.mock.calls.length).toBeGreaterThan(1);
    expect(fitted.path).toBe(`small-${compress.mock.calls.at(-1)![1]}-${compress.mock.calls.at(-1)![2]}`);
  });

  test('an image that cannot be made small enough is refused with a Chinese message saying what to do', async () => {
    // Prepare
    const compress = jest.fn(async () => ({ path: 'still-big', data: bytes(900 * 1024) }));

    // Act
    const failure = await compressToFit({ path: 'p', data: bytes(5 * 1024 * 1024) }, NEWS_COVER_BYTES_MAX, compress).catch((e: Error) => e);

    // Assess
    expect(compress).toHaveBeenCalledTimes(ATTEMPTS.length);
    expect((failure as Error).message).toBe('图片压缩后仍超过 200 KB，请换一张较小的图片，或先裁剪后再上传');
  });

  test('a device that cannot compress at all says so in Chinese', async () => {
    // Prepare
    const compress = jest.fn(async () => {
      throw new Error('canvas unavailable');
    });

    // Act
    const failure = await compressToFit({ path: 'p', data: bytes(400 * 1024) }, NEWS_COVER_BYTES_MAX, compress).catch((e: Error) => e);

    // Assess
    expect((failure as Error).message).toBe('无法在本机压缩这张图片，请换一张不超过 200 KB 的图片');
  });
});

describe('the admin list shows what was just saved, even before its index catches up', () => {
  const item = (id: string, status: NewsSummary['status']): NewsSummary => ({
    id,
    groupId: 'g1',
    groupName: '经五教育集团',
    title: `动态 ${id}`,
    summary: '',
    authorName: '办公室',
    cover: null,
    publishAt: null,
    pinned: false,
    status,
    readCount: 0,
  });
  afterEach(forgetFresh);

  test('a just-published item replaces its stale 草稿 copy, and a new one not listed yet is on top', () => {
    // Prepare
    rememberSaved(item('a', 'published'), 1_000);
    rememberSaved(item('new', 'draft'), 1_000);

    // Act
    const shown = withFreshItems('g1', [item('b', 'draft'), item('a', 'draft')], 2_000);

    // Assess
    expect(shown.map((i) => [i.id, i.status])).toEqual([
      ['new', 'draft'],
      ['b', 'draft'],
      ['a', 'published'],
    ]);
  });

  test('after a minute the server’s list is trusted again', () => {
    // Prepare
    rememberSaved(item('a', 'published'), 1_000);

    // Act
    const shown = withFreshItems('g1', [item('a', 'unpublished')], 120_000);

    // Assess
    expect(shown[0].status).toBe('unpublished');
  });
});
