/**
 * A QR code of `text` as a PNG data URL, on H5 only. The qrcode library is loaded inside the
 * TARO_ENV check, which the build folds to a constant, so the weapp bundle never contains it
 * (WeChat's own codes come from the server's wxacode). Not an async function on purpose: Babel
 * turns one into a state machine whose cases sit outside the `if`, and the import would stay.
 */
export function qrDataUrl(text: string): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    // A CommonJS module: both webpack's and swc's interop hand its exports over as `default`.
    return import('qrcode').then(({ default: QRCode }) => QRCode.toDataURL(text, { margin: 2, width: 360, errorCorrectionLevel: 'M' }));
  }
  return Promise.reject(new Error('QR codes are made on H5 only'));
}
