import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { PublicGroupEvaluation } from '../../../shared';
import { getGroup } from '../../src/api/catalog';
import { getPublicEvaluation } from '../../src/api/evaluation';
import { withMockedCatalog } from '../support/catalog-mocks';
import GroupPage from '../../src/pages/group/index';
import { allianceGroup, jingwuGroup } from '../support/fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');
jest.mock('../../src/api/evaluation');

const texts = (selector: string) => Array.from(document.querySelectorAll(selector)).map((el) => el.textContent);

describe('the 集团 page', () => {
  withMockedCatalog();
  beforeEach(() => jest.mocked(getPublicEvaluation).mockResolvedValue({ evaluation: null }));

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

  test('says 联盟校共同发起 when an alliance has no lead school, and lists outside partners', async () => {
    // Prepare
    setRouterParams({ id: 'qd-qingda-binhai' });
    jest.mocked(getGroup).mockResolvedValue({ ...allianceGroup, type: '联盟型' });

    // Act
    render(<GroupPage />);

    // Assess
    expect(await screen.findByText('联盟校共同发起')).toBeTruthy();
    expect(texts('.partner-item')).toEqual(['山东青大教育集团']);
    expect(texts('.member-item .role-tag')).toEqual(['联盟校']);
  });

  test('a 跨学段合作式 group names its 合作双方 and claims no lead school', async () => {
    // Prepare
    setRouterParams({ id: 'qd-qingda-binhai' });
    jest.mocked(getGroup).mockResolvedValue(allianceGroup);

    // Act
    render(<GroupPage />);

    // Assess
    expect(await screen.findByText('合作双方')).toBeTruthy();
    expect(texts('.group-partner .list-row__title')).toEqual(['青岛滨海学校', '山东青大教育集团']);
    expect(screen.queryByText('牵头学校')).toBeNull();
    expect(screen.queryByText('联盟校共同发起')).toBeNull();
    expect(texts('.member-item .role-tag')).toEqual([]);
  });

  test('a 1+X badge explains itself: a caption beside it, and a tap opens the explanation', async () => {
    // Prepare
    const modal = jest.spyOn(Taro, 'showModal');
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    render(<GroupPage />);
    await screen.findByText('经五教育集团');

    // Act
    tap(document.querySelector('.detail__hero .group-type')!);

    // Assess
    expect(document.querySelector('.group-type__caption')!.textContent).toBe('1 所核心学校带动 X 所成员学校');
    expect(document.querySelector('.group-type__info')!.textContent).toBe('ⓘ');
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '1+X', content: '1 所核心学校带动 X 所成员学校' }));
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

  test('opens the group’s news list', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    render(<GroupPage />);
    await screen.findByText('集团动态');

    // Act
    tap(document.querySelector('.group-news')!);

    // Assess
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/news/list/index?group=jn-jingwu' });
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

  const published: PublicGroupEvaluation = {
    round: { id: 'rd-1', name: '2026—2027 学年第一学期', lockedAt: '2026-11-23T00:00:00Z' },
    dimensions: [
      { id: 'school', name: '学校发展', weight: 50 },
      { id: 'recognition', name: '社会认可', weight: 50 },
    ],
    total: { score: 91.96, complete: false, flags: { incomplete: true, recognitionBelowBar: true } },
    dimensionScores: { school: { score: null, complete: false }, recognition: { score: 98, complete: true } },
  };

  test("shows the published parts of the group's evaluation, with its warnings, and nothing unpublished", async () => {
    // Prepare
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    jest.mocked(getPublicEvaluation).mockResolvedValue({ evaluation: published });

    // Act
    render(<GroupPage />);

    // Assess
    expect((await screen.findByText('92.0')).id).toBe('public-total');
    expect(texts('.group-evaluation .tag')).toEqual(['数据不完整', '社会认可度低于 85%']);
    expect(texts('.score-bars__value')).toEqual(['暂无', '98.0']);
    expect(document.querySelector('#public-ranking')).toBeNull();
    expect(document.querySelector('.public-school-score')).toBeNull();
  });

  test('shows no evaluation section when the district has published none', async () => {
    // Prepare
    setRouterParams({ id: 'jn-jingwu' });
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);

    // Act
    render(<GroupPage />);
    await screen.findByText('济南市经纬小学');

    // Assess
    await waitFor(() => expect(getPublicEvaluation).toHaveBeenCalledWith('jn-jingwu'));
    expect(document.querySelector('.group-evaluation')).toBeNull();
  });
});
