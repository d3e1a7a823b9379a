import Taro from '@tarojs/taro';
import { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent } from './poster-drawing';

type PrivacyWx = { requirePrivacyAuthorize?: (options: { success: () => void; fail: () => void }) => void };

/** The Canvas type="2d" node the page renders, as WeChat hands it out. */
interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D;
  createImage(): { src: string; onload: () => void; onerror: () => void };
}

function canvasNode(selector: string): Promise<CanvasNode> {
  return new Promise((resolve, reject) =>
    Taro.createSelectorQuery()
      .select(selector)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode } | null>) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('海报画布未就绪')))),
  );
}

/** weapp: draws the poster on the page's Canvas type="2d" (`selector`) with the server's code, and answers a temporary PNG. */
export async function renderWeappPoster(selector: string, content: PosterContent, qrFilePath: string): Promise<string> {
  const canvas = await canvasNode(selector);
  canvas.width = POSTER_WIDTH;
  canvas.height = POSTER_HEIGHT;
  const image = canvas.createImage();
  await new Promise<void>((resolve, reject) => {
    image.onload = resolve;
    image.onerror = () => reject(new Error('小程序码加载失败'));
    image.src = qrFilePath;
  });
  drawPoster(canvas.getContext('2d'), content, image as unknown as CanvasImageSource);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as unknown as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

/**
 * weapp: saves the poster to the album. Writing to the album is a private API: the app's
 * 隐私保护指引 flow runs first (requirePrivacyAuthorize; PrivacyHost shows the sheet), then WeChat
 * asks for scope.writePhotosAlbum itself. 'refused' when the user declines either.
 */
export async function saveToAlbum(filePath: string): Promise<'saved' | 'refused'> {
  const wechat = typeof wx === 'undefined' ? undefined : (wx as unknown as PrivacyWx);
  if (typeof wechat?.requirePrivacyAuthorize === 'function') {
    const agreed = await new Promise<boolean>((resolve) =>
      wechat.requirePrivacyAuthorize!({ success: () => resolve(true), fail: () => resolve(false) }),
    );
    if (!agreed) return 'refused';
  }
  return Taro.saveImageToPhotosAlbum({ filePath }).then(
    () => 'saved' as const,
    () => 'refused' as const,
  );
}
