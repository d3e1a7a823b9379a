import { render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { getGroup } from '../../src/api/catalog';
import { withMockedCatalog } from '../support/catalog-mocks';
import GroupPage from '../../src/pages/group/index';
import { allianceGroup, jingwuGroup } from '../support/fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');

const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((el) => el.textContent);

describe('the 集团 page', () => {
  withMockedCatalog();

  test('shows the group’s name, type, district, lead school and members with their roles', async () => {
    // Prepare
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);

    // Act
    render(<GroupPage />);

    // Assess
    expect((await screen.findByText('经五教育集团')).className).toContain('group-name');
    expect(getGroup).toHaveBeenCalledWith('jn-jingwu');
    expect(document.querySelector('.detail__hero .group-type')!.textContent).toBe('1+X');
    expect(await screen.findByText('济南市市中区')).toBeTruthy();
    expect(texts('.group-lead .list-row__title')).toEqual(['济南市经五路小学']);
    expect(texts('.member-item__name')).toEqual(['济南市经五路小学', '济南市经纬小学', '济南市经八路小学']);
    expect(texts('.member-item .role-tag')).toEqual(['牵头校', '成员校', '成员校']);
    expect(document.querySelector('.partner-item')).toBeNull();
  });

  test('says 联盟校共同发起 when there is no lead school, and lists outside partners', async () => {
    // Prepare
    setRouterParams({ id: 'qd-qingda-binhai' });
    jest.mocked(getGroup).mockResolvedValue(allianceGroup);

    // Act
    render(<GroupPage />);

    // Assess
    expect(await screen.findByText('联盟校共同发起')).toBeTruthy();
    expect(texts('.partner-item')).toEqual(['山东青大教育集团']);
    expect(texts('.member-item .role-tag')).toEqual(['联盟校']);
  });

  test('opens the school page when a member is tapped', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    render(<GroupPage />);
    await screen.findByText('济南市经纬小学');

    // Act
    tap(document.querySelectorAll('.member-item')[1]);

    // Assess
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/school/index?id=jn-jingwei-ps' });
  });

  test('explains a link without an id instead of asking the server', async () => {
    // Prepare
    setRouterParams({});

    // Act
    render(<GroupPage />);

    // Assess
    expect(await screen.findByText('链接缺少集团编号')).toBeTruthy();
    expect(getGroup).not.toHaveBeenCalled();
  });
});
