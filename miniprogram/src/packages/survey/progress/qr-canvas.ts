/**
 * Every build but H5: the server makes the code (wxacode.getUnlimited), so the qrcode library
 * stays out of the mini-program; Taro resolves qr-canvas.h5.ts instead in the H5 build.
 */
export function qrCanvas(_link: string, _size: number): Promise<HTMLCanvasElement> {
  return Promise.reject(new Error('H5 only'));
}
