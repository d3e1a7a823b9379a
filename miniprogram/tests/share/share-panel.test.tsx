import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import jsQR from 'jsqr';
import { TextEncoder } from 'node:util';
import { PNG } from 'pngjs';
import { copyText } from '../../src/components/share/copy-text';
import { SharePanel } from '../../src/components/share/SharePanel';

// jsdom has no canvas for qrcode's browser build: its Node build draws the same code as a PNG
// (and needs the TextEncoder that browsers have and jsdom leaves out).
jest.mock('qrcode', () => jest.requireActual('qrcode/lib/server'));
Object.assign(globalThis, { TextEncoder });

const card = { title: '济南市经八路小学 · 学校信息', path: '/pages/school/index?id=jn-jingbalu-ps' };
const pageUrl = `${window.location.origin}${window.location.pathname}#/pages/school/index?id=jn-jingbalu-ps`;

/** The text a PNG data URL's QR code holds. */
function decodeQr(dataUrl: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('the 分享 panel', () => {
  const runtime = process.env.TARO_ENV;
  afterEach(() => {
    process.env.TARO_ENV = runtime;
    jest.restoreAllMocks();
  });

  test('is not there in the mini-program, which shares through WeChat’s menu', () => {
    // Prepare
    process.env.TARO_ENV = 'weapp';

    // Act
    const { container } = render(<SharePanel card={card} />);

    // Assess
    expect(container.innerHTML).toBe('');
  });

  test('on H5 shows the page’s link and a QR code that decodes back to it', async () => {
    // Prepare
    process.env.TARO_ENV = 'h5';

    // Act
    render(<SharePanel card={card} />);

    // Assess
    expect(screen.getByText(pageUrl).id).toBe('share-link');
    // Drawing the code takes seconds on a loaded 2-core machine.
    const qr = await waitFor(
      () => {
        const image = document.querySelector('#share-qr');
        expect(image).not.toBeNull();
        return image!;
      },
      { timeout: 15_000 },
    );
    expect(decodeQr(qr.getAttribute('src')!)).toBe(pageUrl);
  });

  test('on H5 copies the link on 复制链接 and says so', async () => {
    // Prepare
    process.env.TARO_ENV = 'h5';
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const toast = jest.spyOn(Taro, 'showToast');
    render(<SharePanel card={card} />);

    // Act
    await act(async () => screen.getByText('复制链接').click());

    // Assess
    expect(writeText).toHaveBeenCalledWith(pageUrl);
    expect(toast).toHaveBeenCalledWith({ title: '链接已复制', icon: 'none' });
  });
});

describe('copying text', () => {
  test('falls back to a selected textarea when the Clipboard API refuses', async () => {
    // Prepare
    const refused = { clipboard: { writeText: jest.fn().mockRejectedValue(new Error('NotAllowedError')) } } as unknown as Navigator;
    let selected = '';
    document.execCommand = jest.fn(() => {
      selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')?.value ?? '';
      return true;
    });

    // Act
    const copied = await copyText('https://jt.example/#/pages/school/index?id=a', refused);

    // Assess
    expect(copied).toBe(true);
    expect(document.execCommand).toHaveBeenCalledWith('copy');
    expect(selected).toBe('https://jt.example/#/pages/school/index?id=a');
    expect(document.querySelector('textarea')).toBeNull();
  });

  test('says it failed when neither way works, so the page can ask to copy by hand', async () => {
    // Prepare
    document.execCommand = jest.fn(() => false);

    // Act
    const copied = await copyText('x', { clipboard: undefined } as unknown as Navigator);

    // Assess
    expect(copied).toBe(false);
  });
});
