import { cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../src/api/api-error';
import { listDistricts, nearbySchools } from '../../src/api/catalog';
import { resetDistrictCache } from '../../src/hooks/useDistricts';
import NearbyPage from '../../src/packages/nearby/index';
import { distanceLabel } from '../../src/packages/nearby/distance-label';
import { wgs84ToGcj02 } from '../../src/packages/nearby/wgs84-to-gcj02';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');

const school = (id: string, name: string, distance: number) => ({
  id,
  name,
  districtId: 'jinan-shizhong',
  stage: '小学' as const,
  groups: [],
  distance,
});
const locateButton = () => document.querySelector('#nearby-locate')!;
/** WeChat's 隐私保护指引, faked: the parent agrees or refuses. */
const privacyAnswer = (agree: boolean) => {
  (globalThis as { wx?: unknown }).wx = {
    requirePrivacyAuthorize: ({ success, fail }: { success: () => void; fail: () => void }) => (agree ? success() : fail()),
  };
};

describe('附近的学校', () => {
  beforeEach(() => {
    resetDistrictCache();
    jest.mocked(listDistricts).mockResolvedValue({
      items: [{ id: 'jinan-shizhong', name: '市中区', city: '济南市', province: '山东省', groupCount: 1, schoolCount: 2 }],
    } as never);
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
    delete (globalThis as { wx?: unknown }).wx;
  });

  test('asks nothing of the device until the parent taps 使用我的位置', async () => {
    // Prepare
    const getLocation = jest.spyOn(Taro, 'getLocation');
    // Act
    render(<NearbyPage />);
    // Assess
    expect(await screen.findByText('点击“使用我的位置”，按距离查看附近的学校')).toBeTruthy();
    expect(screen.getByText('你的位置只用于这一次查找，不会被保存或记录。')).toBeTruthy();
    expect(getLocation).not.toHaveBeenCalled();
    expect(nearbySchools).not.toHaveBeenCalled();
  });

  test('a refused 隐私保护指引 ends in an empty state, without reading the location or asking the server', async () => {
    // Prepare
    privacyAnswer(false);
    const getLocation = jest.spyOn(Taro, 'getLocation');
    render(<NearbyPage />);
    // Act
    tap(locateButton());
    // Assess
    expect(await screen.findByText('未获得位置授权，无法查找附近的学校。你可以返回首页按学校名称查找。')).toBeTruthy();
    expect(document.querySelector('#status-empty')).toBeTruthy();
    expect(document.querySelector('#status-error')).toBeNull();
    expect(getLocation).not.toHaveBeenCalled();
    expect(nearbySchools).not.toHaveBeenCalled();
  });

  test('a refused location permission (scope.userLocation) ends in the same empty state', async () => {
    // Prepare
    privacyAnswer(true);
    jest.spyOn(Taro, 'getLocation').mockRejectedValue({ errMsg: 'getLocation:fail auth deny' });
    render(<NearbyPage />);
    // Act
    tap(locateButton());
    // Assess
    expect(await screen.findByText('未获得位置授权，无法查找附近的学校。你可以返回首页按学校名称查找。')).toBeTruthy();
    expect(nearbySchools).not.toHaveBeenCalled();
  });

  test('lists the schools nearest first with their distance, sending the GCJ-02 point rounded to about 10 m', async () => {
    // Prepare
    privacyAnswer(true);
    const getLocation = jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 36.661234, longitude: 117.021345 } as never);
    jest.mocked(nearbySchools).mockResolvedValue({ items: [school('a', '泉城广场小学', 402), school('b', '大明湖小学', 1_580)] });
    render(<NearbyPage />);
    // Act
    tap(locateButton());
    // Assess
    await waitFor(() => expect(document.querySelectorAll('.school-name')).toHaveLength(2));
    expect([...document.querySelectorAll('.school-name')].map((e) => e.textContent)).toEqual(['泉城广场小学', '大明湖小学']);
    expect(screen.getByText('400 米')).toBeTruthy();
    expect(screen.getByText('1.6 公里')).toBeTruthy();
    expect(getLocation).toHaveBeenCalledWith({ type: 'gcj02' });
    expect(nearbySchools).toHaveBeenCalledWith({ lat: 36.6612, lng: 117.0213 });
  });

  test('a place with no school near shows an empty state, not an error', async () => {
    // Prepare
    privacyAnswer(true);
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 43.8256, longitude: 87.6168 } as never);
    jest.mocked(nearbySchools).mockResolvedValue({ items: [] });
    render(<NearbyPage />);
    // Act
    tap(locateButton());
    // Assess
    expect(await screen.findByText('附近 30 公里内暂无标注了位置的学校')).toBeTruthy();
    expect(document.querySelector('#status-error')).toBeNull();
  });

  test('a failed request is an error with 重试, which asks again', async () => {
    // Prepare
    privacyAnswer(true);
    jest.spyOn(Taro, 'getLocation').mockResolvedValue({ latitude: 36.6612, longitude: 117.0213 } as never);
    jest.mocked(nearbySchools).mockRejectedValueOnce(new ApiError('INTERNAL', '服务暂时不可用，请稍后重试', 500));
    jest.mocked(nearbySchools).mockResolvedValueOnce({ items: [school('a', '泉城广场小学', 402)] });
    render(<NearbyPage />);
    tap(locateButton());
    await waitFor(() => expect(document.querySelector('#retry-button')).toBeTruthy());
    // Act
    tap(document.querySelector('#retry-button')!);
    // Assess
    await waitFor(() => expect(document.querySelectorAll('.school-name')).toHaveLength(1));
    expect(nearbySchools).toHaveBeenCalledTimes(2);
  });

  test('distances read as metres under 1 km, then kilometres', () => {
    expect([distanceLabel(4), distanceLabel(402), distanceLabel(1_580), distanceLabel(12_400)]).toEqual([
      '10 米',
      '400 米',
      '1.6 公里',
      '12 公里',
    ]);
  });

  test('the browser’s WGS-84 point is moved to GCJ-02 as the published formula does, and a point outside China is not', () => {
    // Act: coordtransform's own example, 天安门 area.
    const beijing = wgs84ToGcj02(39.915, 116.404);
    const london = wgs84ToGcj02(51.5, -0.12);
    // Assess
    expect(beijing.lat).toBeCloseTo(39.916404, 5);
    expect(beijing.lng).toBeCloseTo(116.410244, 5);
    expect(london).toEqual({ lat: 51.5, lng: -0.12 });
  });
});
