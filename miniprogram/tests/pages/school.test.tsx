import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../src/api/api-error';
import { getSchool } from '../../src/api/catalog';
import { withMockedCatalog } from '../support/catalog-mocks';
import SchoolPage from '../../src/pages/school/index';
import { jingbaluDetail, wuhaiNo5Detail } from '../support/fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');

describe('the 学校 page', () => {
  withMockedCatalog();

  test('shows the school’s name, district, stage, other names and its groups with type and role', async () => {
    // Prepare
    setRouterParams({ id: 'jn-jingbalu-ps' });
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);

    // Act
    render(<SchoolPage />);

    // Assess
    expect((await screen.findByText('济南市经八路小学')).id).toBe('school-name');
    expect(getSchool).toHaveBeenCalledWith('jn-jingbalu-ps');
    expect(await screen.findByText('济南市市中区 · 小学')).toBeTruthy();
    expect(screen.getByText('又称：经八路小学')).toBeTruthy();
    const group = document.querySelector('.group-item')!;
    expect(group.textContent).toContain('经五教育集团');
    expect(group.querySelector('.group-type')!.textContent).toBe('1+X');
    expect(group.querySelector('.role-tag')!.textContent).toBe('成员校');
  });

  test('lists campuses and says so when the school is in no group', async () => {
    // Prepare
    setRouterParams({ id: 'wh-no5-ps' });
    jest.mocked(getSchool).mockResolvedValue(wuhaiNo5Detail);

    // Act
    render(<SchoolPage />);

    // Assess
    expect((await screen.findByText('龙游湾校区')).closest('.campus-item')).toBeTruthy();
    expect(screen.getByText('暂未加入教育集团')).toBeTruthy();
  });

  test('shows the address, phone, introduction and a campus address, calls on tap and opens the map at the school', async () => {
    // Prepare
    const makePhoneCall = jest.spyOn(Taro, 'makePhoneCall');
    const openLocation = jest.spyOn(Taro, 'openLocation');
    setRouterParams({ id: 'jn-jingbalu-ps' });
    jest.mocked(getSchool).mockResolvedValue({
      ...jingbaluDetail,
      address: '济南市市中区经八路 100 号',
      location: { lat: 36.6512, lng: 116.9972 },
      phone: '0531-8601 2345',
      intro: '始建于 1958 年的百年老校。',
      campuses: [{ id: 'jn-jingbalu-east', name: '东校区', address: '经七路 8 号' }],
    });
    render(<SchoolPage />);
    await screen.findByText('济南市市中区经八路 100 号');

    // Act
    tap(document.querySelector('#school-phone')!);
    tap(document.querySelector('#school-map')!);

    // Assess
    expect(screen.getByText('始建于 1958 年的百年老校。')).toBeTruthy();
    expect(document.querySelector('.campus-item')!.textContent).toContain('经七路 8 号');
    expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '053186012345' });
    expect(openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 36.6512, longitude: 116.9972, name: '济南市经八路小学', address: '济南市市中区经八路 100 号' }),
    );
  });

  test('has no map button without coordinates, and no 学校信息 without any of it', async () => {
    // Prepare
    setRouterParams({ id: 'wh-no5-ps' });
    jest.mocked(getSchool).mockResolvedValue(wuhaiNo5Detail);

    // Act
    render(<SchoolPage />);
    await screen.findByText('龙游湾校区');

    // Assess
    expect(document.querySelector('#school-map')).toBeNull();
    expect(screen.queryByText('学校信息')).toBeNull();
  });

  test('opens the group page when one of its groups is tapped', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ id: 'jn-jingbalu-ps' });
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);
    render(<SchoolPage />);
    await screen.findByText('经五教育集团');

    // Act
    tap(document.querySelector('.group-item')!);

    // Assess
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/group/index?id=jn-jingwu' });
  });

  test('shows the server’s message for an unknown school and loads again on 重试', async () => {
    // Prepare
    setRouterParams({ id: 'jn-gone' });
    jest
      .mocked(getSchool)
      .mockRejectedValueOnce(new ApiError('NOT_FOUND', '没有找到这所学校', 404))
      .mockResolvedValueOnce(jingbaluDetail);
    render(<SchoolPage />);
    await screen.findByText('没有找到这所学校');

    // Act
    tap(document.querySelector('#retry-button')!);

    // Assess
    expect(await screen.findByText('济南市经八路小学')).toBeTruthy();
    expect(getSchool).toHaveBeenCalledTimes(2);
  });
});
