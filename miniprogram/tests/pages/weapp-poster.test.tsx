import Taro from '@tarojs/taro';
import { POSTER_HEIGHT, POSTER_WIDTH, posterKicker, type PosterContent } from '../../src/packages/survey/progress/poster-drawing';
import { renderWeappPoster, saveToAlbum } from '../../src/packages/survey/progress/weapp-poster';

/**
 * The poster on weapp: Canvas type="2d" hands out a standard 2D context, so the drawing is the
 * one H5's e2e screenshots check (tests/e2e/survey-poster.test.ts). What is weapp's own is
 * tested here: the code image is loaded through the canvas node, the PNG comes from
 * canvasToTempFilePath, and the album is written only after the 隐私保护指引 is agreed.
 */
type Call = [string, ...unknown[]];

function weappCanvas() {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const context = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: record('fillRect'),
    fillText: record('fillText'),
    drawImage: record('drawImage'),
    // Every character is as wide as the font's size: long enough titles wrap.
    measureText: (text: string) => ({ width: text.length * 44 }),
  };
  const image = { src: '', onload: () => undefined, onerror: () => undefined };
  const node = {
    width: 300,
    height: 150,
    getContext: () => context,
    createImage: () => {
      // WeChat loads the image once src is set.
      return new Proxy(image, {
        set(target, key, value) {
          Reflect.set(target, key, value);
          if (key === 'src') setTimeout(() => target.onload(), 0);
          return true;
        },
      });
    },
  };
  return { calls, node, image };
}

const content: PosterContent = {
  title: '教师集团化办学满意度调查',
  schoolName: '济南市经八路小学',
  deadline: '2026-12-09 18:00',
  scanHint: '微信扫码填写问卷',
  respondents: ['teacher'],
};

describe('the survey poster on weapp', () => {
  const savedWx = (globalThis as { wx?: unknown }).wx;
  afterEach(() => {
    (globalThis as { wx?: unknown }).wx = savedWx;
    jest.restoreAllMocks();
  });

  test('draws the title, school, deadline and the server’s code on the page canvas and answers its PNG', async () => {
    // Prepare
    const { calls, node, image } = weappCanvas();
    const exec = jest.fn((done: (res: unknown[]) => void) => done([{ node }]));
    const fields = jest.fn(() => ({ exec }));
    const toFile = jest.fn().mockResolvedValue({ tempFilePath: 'wxfile://tmp/poster.png' });
    // The jsdom Taro has neither: these stand in for WeChat's.
    Object.assign(Taro, { createSelectorQuery: () => ({ select: () => ({ fields }) }), canvasToTempFilePath: toFile });

    // Act
    const file = await renderWeappPoster('#poster-canvas', content, 'wxfile://usr/code.png');

    // Assess
    expect(file).toBe('wxfile://tmp/poster.png');
    expect([node.width, node.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);
    expect(image.src).toBe('wxfile://usr/code.png');
    const texts = calls.filter(([name]) => name === 'fillText').map(([, text]) => text);
    expect(texts).toEqual(
      expect.arrayContaining(['教师问卷 · 诚邀您参与', '济南市经八路小学', '截止时间：2026-12-09 18:00', '微信扫码填写问卷']),
    );
    expect(texts.join('')).toContain('教师集团化办学满意度调查');
    expect(calls.find(([name]) => name === 'drawImage')?.slice(2)).toEqual([165, 520, 420, 420]);
    expect(toFile.mock.calls[0][0]).toMatchObject({ canvas: node, fileType: 'png' });
  });

  test('names who is invited above the title', () => {
    // Act / Assess
    expect(posterKicker(['parent'])).toBe('家长问卷 · 诚邀您参与');
    expect(posterKicker(['teacher'])).toBe('教师问卷 · 诚邀您参与');
    expect(posterKicker(['parent', 'teacher'])).toBe('问卷 · 诚邀您参与');
  });

  test('asks for the privacy authorisation before writing to the album, and writes nothing when it is refused', async () => {
    // Prepare
    const order: string[] = [];
    let agree = false;
    (globalThis as { wx?: unknown }).wx = {
      requirePrivacyAuthorize: ({ success, fail }: { success: () => void; fail: () => void }) => {
        order.push('privacy');
        (agree ? success : fail)();
      },
    };
    const album = jest.fn(() => (order.push('album'), Promise.resolve({ errMsg: 'saveImageToPhotosAlbum:ok' })));
    Object.assign(Taro, { saveImageToPhotosAlbum: album });

    // Act
    const refused = await saveToAlbum('wxfile://tmp/poster.png');
    agree = true;
    const saved = await saveToAlbum('wxfile://tmp/poster.png');

    // Assess
    expect([refused, saved]).toEqual(['refused', 'saved']);
    expect(order).toEqual(['privacy', 'privacy', 'album']);
    expect(album).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/poster.png' });
  });
});
