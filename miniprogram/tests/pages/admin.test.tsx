import { cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Invite, Me } from '../../../shared';
import { createInvite, createTeacher, listTeachers, revokeInvite } from '../../src/api/admin';
import { ApiError } from '../../src/api/api-error';
import { getGroup, listDistrictGroups, searchSchools } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { saveSession } from '../../src/api/session-store';
import AdminTeachersPage from '../../src/packages/admin/teachers/index';
import { jingbaluHit, jingwuGroup, jingwuluHit, page } from '../support/fixtures';
import { clearStorage } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/admin');
jest.mock('../../src/api/catalog');

const groupAdmin: Me = {
  userId: 'u2',
  roles: [
    { role: 'parent', scope: null },
    { role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } },
  ],
  schools: [],
  teacher: null,
};
const districtAdmin: Me = {
  ...groupAdmin,
  roles: [
    { role: 'parent', scope: null },
    { role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } },
  ],
};

const teacherInvite: Invite = {
  id: 'i-1',
  code: 'ABCDE-FGH23',
  target: { role: 'teacher', teacherId: 't-1' },
  expiresAt: '2026-11-26T00:00:00.000Z',
  status: 'active',
};

describe('the 教师与邀请码 page', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    jest.mocked(getMe).mockResolvedValue(groupAdmin);
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    jest.mocked(listDistrictGroups).mockResolvedValue({ items: [] });
  });
  afterEach(() => {
    // Unmount first: a reload still under way must meet the mocks it was started with.
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('registers a teacher at a school of the group and shows the invite code once, with 复制', async () => {
    // Prepare
    jest
      .mocked(listTeachers)
      .mockResolvedValueOnce({ items: [] })
      .mockResolvedValue({ items: [{ id: 't-1', name: '钱老师', schoolId: 'jn-jingwulu-ps', subject: '数学', bound: false }] });
    jest.mocked(createTeacher).mockResolvedValue({ id: 't-1', name: '钱老师', schoolId: 'jn-jingwulu-ps', subject: '数学', bound: false });
    jest.mocked(createInvite).mockResolvedValue(teacherInvite);
    const copy = jest.spyOn(Taro, 'setClipboardData');
    render(<AdminTeachersPage />);
    // Act
    await screen.findByText('还没有登记教师');
    await typeInto(document.querySelector('#teacher-name')!, '钱老师');
    await typeInto(document.querySelector('#teacher-subject')!, '数学');
    tap(document.querySelector('#teacher-add')!);
    await waitFor(() =>
      expect(createTeacher).toHaveBeenCalledWith({ name: '钱老师', schoolId: jingwuGroup.members[0].schoolId, subject: '数学' }),
    );
    tap(await screen.findByText('生成邀请码'));
    // Assess
    expect((await screen.findByText('ABCDE-FGH23')).id).toBe('invite-code');
    expect(createInvite).toHaveBeenCalledWith({ target: { role: 'teacher', teacherId: 't-1' } });
    expect(document.querySelector('.invite-card__meta')?.textContent).toContain('2026-11-26 08:00');
    tap(document.querySelector('#invite-copy')!);
    expect(copy).toHaveBeenCalledWith({ data: 'ABCDE-FGH23' });
    // Closed, the code is gone for good; the list of this visit's invites names no code.
    tap(document.querySelector('#invite-close')!);
    expect(screen.queryByText('ABCDE-FGH23')).toBeNull();
    expect(document.querySelector('.admin-issued')?.textContent).toContain('教师 钱老师（济南市经五路小学）');
  });

  test('revokes an invite made on this visit after confirming', async () => {
    // Prepare
    jest.mocked(listTeachers).mockResolvedValue({ items: [{ id: 't-1', name: '钱老师', schoolId: 'jn-jingwulu-ps', bound: false }] });
    jest.mocked(createInvite).mockResolvedValue(teacherInvite);
    jest.mocked(revokeInvite).mockResolvedValue({ ...teacherInvite, code: undefined, status: 'revoked' });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    render(<AdminTeachersPage />);
    tap(await screen.findByText('生成邀请码'));
    await screen.findByText('ABCDE-FGH23');
    // Act
    tap(document.querySelector('#invite-revoke-i-1')!);
    // Assess
    await waitFor(() => expect(revokeInvite).toHaveBeenCalledWith('i-1'));
    expect(modal).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.querySelector('.admin-issued')?.textContent).toContain('已撤销'));
    expect(document.querySelector('#invite-revoke-i-1')).toBeNull();
    expect(screen.queryByText('ABCDE-FGH23')).toBeNull();
  });

  test('a district admin chooses among all the district’s schools (every page) and can invite a group admin', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(districtAdmin);
    jest
      .mocked(searchSchools)
      .mockResolvedValueOnce(page([jingwuluHit], 'next-1'))
      .mockResolvedValueOnce(page([jingbaluHit]));
    jest.mocked(listDistrictGroups).mockResolvedValue({
      items: [{ id: 'jn-jingwu', name: '经五教育集团', type: '1+X', leadSchoolId: 'jn-jingwulu-ps', memberCount: 3 }],
    });
    jest.mocked(listTeachers).mockResolvedValue({ items: [] });
    jest.mocked(createInvite).mockResolvedValue({
      id: 'i-2',
      code: 'GROUP-ADM23',
      target: { role: 'group_admin', groupId: 'jn-jingwu' },
      expiresAt: '2026-11-26T00:00:00.000Z',
      status: 'active',
    });
    render(<AdminTeachersPage />);
    // Act
    await screen.findByText('济南市经八路小学');
    tap(document.querySelector('#group-invite-jn-jingwu')!);
    // Assess
    expect(searchSchools).toHaveBeenNthCalledWith(1, expect.objectContaining({ district: 'jinan-shizhong', cursor: null }));
    expect(searchSchools).toHaveBeenNthCalledWith(2, expect.objectContaining({ district: 'jinan-shizhong', cursor: 'next-1' }));
    expect((await screen.findByText('GROUP-ADM23')).id).toBe('invite-code');
    expect(createInvite).toHaveBeenCalledWith({ target: { role: 'group_admin', groupId: 'jn-jingwu' } });
  });

  test('shows the server’s Chinese message when a teacher cannot be added', async () => {
    jest.mocked(listTeachers).mockResolvedValue({ items: [] });
    jest.mocked(createTeacher).mockRejectedValue(new ApiError('FORBIDDEN', '无权管理该学校', 403));
    const toast = jest.spyOn(Taro, 'showToast');
    render(<AdminTeachersPage />);
    await screen.findByText('还没有登记教师');
    await typeInto(document.querySelector('#teacher-name')!, '李老师');
    tap(document.querySelector('#teacher-add')!);
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '无权管理该学校', icon: 'none' }));
  });

  test('tells a parent the page is for admins, and offers 重试 when 我的 cannot load', async () => {
    jest.mocked(getMe).mockResolvedValue({ ...groupAdmin, roles: [{ role: 'parent', scope: null }] });
    const { unmount } = render(<AdminTeachersPage />);
    expect(await screen.findByText('仅集团管理员和区管理员可用')).toBeTruthy();
    unmount();
    jest.mocked(getMe).mockRejectedValue(new ApiError('NETWORK', '网络连接失败，请检查网络后重试', 0));
    render(<AdminTeachersPage />);
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
    expect(document.querySelector('#retry-button')).not.toBeNull();
  });
});
