import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../src/api/api-error';
import { searchSchools } from '../../src/api/catalog';
import { withMockedCatalog } from '../support/catalog-mocks';
import HomePage from '../../src/pages/home/index';
import { jingbaluHit, jingwuluHit, page } from '../support/fixtures';
import { reachBottom } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/catalog');

const searchInput = () => document.querySelector('#search-input')!;
const schoolNames = () => Array.from(document.querySelectorAll('.school-name')).map((el) => el.textContent);

describe('the 找学校 home page', () => {
  withMockedCatalog();

  test('shows a hint and asks the server nothing until the user searches', async () => {
    // Prepare + Act
    render(<HomePage />);

    // Assess
    expect(await screen.findByText('济南·市中区')).toBeTruthy();
    expect(screen.getByText('输入学校名称，或选择区县查看学校')).toBeTruthy();
    expect(searchSchools).not.toHaveBeenCalled();
  });

  test('lists matching schools with their district, stage, groups and role', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit]));
    render(<HomePage />);
    await screen.findByText('济南·市中区');

    // Act
    await typeInto(searchInput(), '经八路');

    // Assess
    expect(await screen.findByText('济南市经八路小学')).toBeTruthy();
    expect(searchSchools).toHaveBeenCalledWith(expect.objectContaining({ q: '经八路', district: undefined, cursor: null }));
    const item = document.querySelector('.school-item')!;
    expect(item.textContent).toContain('济南市市中区 · 小学');
    expect(item.textContent).toContain('经五教育集团');
    expect(item.querySelector('.role-tag')!.textContent).toBe('成员校');
  });

  test('sends one search for the final text when the user types quickly', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit]));
    render(<HomePage />);

    // Act
    await typeInto(searchInput(), '经');
    await typeInto(searchInput(), '经八');
    await typeInto(searchInput(), '经八路 ');

    // Assess
    await screen.findByText('济南市经八路小学');
    expect(searchSchools).toHaveBeenCalledTimes(1);
    expect(searchSchools).toHaveBeenCalledWith(expect.objectContaining({ q: '经八路' }));
  });

  test('says 没有找到相关学校 when nothing matches', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([]));
    render(<HomePage />);

    // Act
    await typeInto(searchInput(), '不存在的学校');

    // Assess
    expect(await screen.findByText('没有找到相关学校')).toBeTruthy();
    expect(document.querySelector('.school-item')).toBeNull();
  });

  test('shows the server message on failure and searches again on 重试', async () => {
    // Prepare
    jest
      .mocked(searchSchools)
      .mockRejectedValueOnce(new ApiError('INTERNAL', '服务开小差了', 500))
      .mockResolvedValueOnce(page([jingbaluHit]));
    render(<HomePage />);
    await typeInto(searchInput(), '经八路');
    expect(await screen.findByText('服务开小差了')).toBeTruthy();

    // Act
    tap(document.querySelector('#retry-button')!);

    // Assess
    expect(await screen.findByText('济南市经八路小学')).toBeTruthy();
    expect(screen.queryByText('服务开小差了')).toBeNull();
    expect(searchSchools).toHaveBeenCalledTimes(2);
  });

  test('lists a district’s schools when a district is chosen and the box is empty', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([jingwuluHit, jingbaluHit]));
    render(<HomePage />);
    const chip = await screen.findByText('济南·市中区');

    // Act
    tap(chip);

    // Assess
    await waitFor(() => expect(schoolNames()).toEqual(['济南市经五路小学', '济南市经八路小学']));
    expect(searchSchools).toHaveBeenCalledWith(expect.objectContaining({ q: undefined, district: 'jinan-shizhong' }));
    expect(chip.className).toContain('district-chip--active');
  });

  test('appends the next page, asked for with the cursor, when scrolled to the bottom', async () => {
    // Prepare
    jest
      .mocked(searchSchools)
      .mockResolvedValueOnce(page([jingwuluHit], 'cursor-2'))
      .mockResolvedValueOnce(page([jingbaluHit], null));
    render(<HomePage />);
    await typeInto(searchInput(), '经');
    await screen.findByText('加载更多');

    // Act
    act(() => reachBottom());

    // Assess
    await waitFor(() => expect(schoolNames()).toEqual(['济南市经五路小学', '济南市经八路小学']));
    expect(searchSchools).toHaveBeenLastCalledWith(expect.objectContaining({ q: '经', cursor: 'cursor-2' }));
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('opens the school page when a result is tapped', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit]));
    render(<HomePage />);
    await typeInto(searchInput(), '经八路');
    await screen.findByText('济南市经八路小学');

    // Act
    tap(document.querySelector('.school-item')!);

    // Assess
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/school/index?id=jn-jingbalu-ps' });
  });
});
