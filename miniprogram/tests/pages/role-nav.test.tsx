import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { getSchool } from '../../src/api/catalog';
import { DemoRoleSwitcher, currentDemoRole } from '../../src/pages/home/components/DemoRoleSwitcher';
import { RoleNav, roleEntries } from '../../src/pages/home/components/RoleNav';
import { resetBoundSchoolGroups } from '../../src/pages/home/useBoundSchoolGroups';
import { devLogin } from '../../src/api/identity';
import { readSession } from '../../src/api/session-store';
import { jingbaluDetail, wuhaiNo5Detail } from '../support/fixtures';
import { clearStorage } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog');
jest.mock('../../src/api/identity');

const base: Me = { userId: 'u', roles: [{ role: 'parent', scope: null }], schools: [], teacher: null };
const bound = (schoolId: string, name: string) => ({ schoolId, name, districtId: 'jinan-shizhong', boundAt: '' });
const parentWithSchool: Me = { ...base, schools: [bound('jn-jingbalu-ps', '济南市经八路小学')] };
const teacher: Me = {
  ...base,
  roles: [...base.roles, { role: 'teacher', scope: { type: 'teacher', id: 't1', name: '演示教师' } }],
  teacher: { teacherId: 't1', name: '演示教师', schoolId: 'jn-jingbalu-ps', schoolName: '济南市经八路小学', boundAt: '' },
};
const groupAdmin: Me = {
  ...base,
  roles: [...base.roles, { role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } }],
};
const districtAdmin: Me = {
  ...base,
  roles: [...base.roles, { role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } }],
};

const labels = (me: Me | null, groups: Parameters<typeof roleEntries>[1] = new Map()) => roleEntries(me, groups).map((e) => e.label);
const shownLabels = () => Array.from(document.querySelectorAll('#role-nav .role-nav__entry')).map((e) => e.textContent);

describe('navigation by role', () => {
  afterEach(() => {
    cleanup();
    resetBoundSchoolGroups();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('a visitor and a parent without schools see 我的 only', () => {
    expect(labels(null)).toEqual(['我的']);
    expect(labels(base)).toEqual(['我的']);
  });

  test('a parent sees 我的问卷 and the groups of their schools, once each; a school without a group links to itself', () => {
    const me: Me = {
      ...base,
      schools: [
        bound('jn-jingbalu-ps', '济南市经八路小学'),
        bound('jn-jingwulu-ps', '济南市经五路小学'),
        bound('wh-no5-ps', '海勃湾区五小'),
      ],
    };
    const groups = new Map([
      ['jn-jingbalu-ps', jingbaluDetail.groups],
      ['jn-jingwulu-ps', jingbaluDetail.groups],
      ['wh-no5-ps', []],
    ]);
    expect(labels(me, groups)).toEqual(['我的', '我的问卷', '我的动态', '轮岗公示', '经五教育集团', '海勃湾区五小']);
    expect(roleEntries(me, groups).map((e) => e.id)).toEqual([
      'nav-me',
      'nav-surveys',
      'nav-news',
      'nav-rotation',
      'nav-group-jn-jingwu',
      'nav-school-wh-no5-ps',
    ]);
    // Still loading: no guesses.
    expect(labels(me, null)).toEqual(['我的', '我的问卷', '我的动态', '轮岗公示']);
  });

  test('a teacher sees 我的任教学校, 我的交流, 轮岗公示, 我的问卷 and 我的异议', () => {
    expect(labels(teacher)).toEqual(['我的', '我的任教学校', '我的交流', '轮岗公示', '我的问卷', '我的异议']);
    expect(currentDemoRole(teacher)).toBe('teacher');
  });

  test('group and district admins see 管理, 学校与集团, 问卷, 集团评价, 轮岗 and 动态', () => {
    expect(labels(groupAdmin)).toEqual(['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']);
    expect(labels(districtAdmin)).toEqual(['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']);
    expect(currentDemoRole(districtAdmin)).toBe('district_admin');
  });

  test.each([
    ['a visitor', null, ['我的']],
    ['a teacher', teacher, ['我的', '我的任教学校', '我的交流', '轮岗公示', '我的问卷', '我的异议']],
    ['a group admin', groupAdmin, ['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']],
    ['a district admin', districtAdmin, ['我的', '管理', '学校与集团', '问卷', '集团评价', '轮岗', '动态']],
  ])('renders the entries of %s', async (_who, me, expected) => {
    await act(async () => {
      render(<RoleNav me={me} />);
    });
    expect(shownLabels()).toEqual(expected);
  });

  test('renders a parent’s group links once the schools’ groups are known, and opens the group page', async () => {
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);
    const navigate = jest.spyOn(Taro, 'navigateTo');
    render(<RoleNav me={parentWithSchool} />);
    await screen.findByText('经五教育集团');
    expect(shownLabels()).toEqual(['我的', '我的问卷', '我的动态', '轮岗公示', '经五教育集团']);
    expect(getSchool).toHaveBeenCalledWith('jn-jingbalu-ps');
    tap(document.querySelector('#nav-group-jn-jingwu')!);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/group/index?id=jn-jingwu' });
  });

  test('links to the school itself when its groups cannot be loaded', async () => {
    jest.mocked(getSchool).mockRejectedValue(new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0));
    render(<RoleNav me={{ ...parentWithSchool, schools: [bound('wh-no5-ps', wuhaiNo5Detail.name)] }} />);
    await screen.findByText('海勃湾区五小');
    expect(shownLabels()).toEqual(['我的', '我的问卷', '我的动态', '轮岗公示', '海勃湾区五小']);
  });

  test('the H5 demo switcher logs in as the chosen role with its demo scope', async () => {
    clearStorage();
    jest.mocked(devLogin).mockResolvedValue({ token: 'demo', expiresAt: new Date(Date.now() + 3600_000).toISOString(), me: groupAdmin });
    render(<DemoRoleSwitcher me={null} />);
    expect(Array.from(document.querySelectorAll('.demo-roles__chip')).map((e) => e.textContent)).toEqual([
      '家长',
      '教师',
      '集团管理员',
      '区管理员',
    ]);
    tap(document.querySelector('#demo-role-group_admin')!);
    await waitFor(() => expect(readSession()?.token).toBe('demo'));
    expect(devLogin).toHaveBeenCalledWith({ role: 'group_admin', groupIds: ['jn-jingwu'] });
  });
});
