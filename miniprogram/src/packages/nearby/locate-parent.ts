import Taro from '@tarojs/taro';
import { requirePrivacy } from '../../components/privacy/require-privacy';
import { wgs84ToGcj02 } from './wgs84-to-gcj02';

export type Located = { lat: number; lng: number } | 'refused' | 'unavailable';

/** 4 decimals is about 10 m: enough to order schools, and no finer than the list needs to send. */
const round = (value: number) => Math.round(value * 1e4) / 1e4;
const H5_TIMEOUT_MS = 10_000;

/**
 * The parent's position in GCJ-02, asked for only when they tap 使用我的位置. In WeChat: the
 * 隐私保护指引 first, then wx.getLocation (type gcj02, with its own scope.userLocation prompt).
 * On H5: the browser's geolocation (WGS-84), converted. The position goes into one request and
 * is kept nowhere: not in storage, not in page state after the list is shown.
 */
export async function locateParent(): Promise<Located> {
  if (process.env.TARO_ENV === 'h5') return locateInBrowser();
  if (!(await requirePrivacy())) return 'refused';
  try {
    const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' });
    return { lat: round(latitude), lng: round(longitude) };
  } catch (error) {
    // errMsg "getLocation:fail auth deny" (refused now or before); anything else: no fix.
    return /auth|deny|denied/i.test(String((error as { errMsg?: string })?.errMsg ?? error)) ? 'refused' : 'unavailable';
  }
}

function locateInBrowser(): Promise<Located> {
  const geolocation = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
  if (!geolocation) return Promise.resolve('unavailable');
  return new Promise((resolve) =>
    geolocation.getCurrentPosition(
      ({ coords }) => {
        const point = wgs84ToGcj02(coords.latitude, coords.longitude);
        resolve({ lat: round(point.lat), lng: round(point.lng) });
      },
      (error) => resolve(error.code === error.PERMISSION_DENIED ? 'refused' : 'unavailable'),
      { timeout: H5_TIMEOUT_MS, maximumAge: 60_000 },
    ),
  );
}
