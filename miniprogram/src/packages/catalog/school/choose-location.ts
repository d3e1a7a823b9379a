import Taro from '@tarojs/taro';
import { requirePrivacy } from '../../../components/privacy/require-privacy';

/** A place picked on WeChat's map (GCJ-02, as chooseLocation answers), or null when none was. */
export interface PickedPlace {
  lat: number;
  lng: number;
  address: string;
}

/**
 * 在地图上选点 (weapp only). The map is a private API: requirePrivacyAuthorize runs the app's
 * 隐私保护指引 flow first (PrivacyHost shows the sheet when the user has not agreed yet), and
 * the map opens only once it is agreed to; a refusal simply leaves the fields as they are.
 */
export async function chooseOnMap(near: { lat: number; lng: number } | null): Promise<PickedPlace | null> {
  if (!(await requirePrivacy())) return null;
  const picked = await Taro.chooseLocation(near ? { latitude: near.lat, longitude: near.lng } : {}).catch(() => null);
  if (!picked) return null;
  // 6 decimals is about 0.1 m: more than a school gate needs.
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return { lat: round(picked.latitude), lng: round(picked.longitude), address: picked.address || picked.name };
}
