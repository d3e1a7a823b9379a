import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../../shared';
import { createInvite, createTeacher, listTeachers } from '../../src/api/admin';
import { getGroup, listDistrictGroups } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { saveSession } from '../../src/api/session-store';
import AdminTeachersPage from '../../src/packages/admin/teachers/index';
import { jingwuGroup } from '../support/fixtures';
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
  });

  test('registers a teacher at a school of the group and shows the invite code once', async () => {
    // Prepare
    jest.mocked(listTeachers).mockResolvedValueOnce({ items: [] }).mockResolvedValue({ items: [{ id: 't-1', name: '钱老师', schoolId: 'jn-jingwulu-ps', bound: false }] });
    jest.mocked(createTeacher).mockResolvedValue({ id: 't-1', name: '钱老师', schoolId: 'jn-jingwulu-ps', bound: false });
    jest.mocked(createInvite).mockResolvedValue({ id: 'i-1', code: 'ABCDE-FGH23', target: { role: 'teacher', teacherId: 't-1' }, expiresAt: '2026-11-26T00:00:00.000Z', status: 'active' });
    render(<AdminTeachersPage />);
    // Act
    await screen.findByText('还没有登记教师');
    await typeInto(document.querySelector('#teacher-name')!, '钱老师');
    tap(document.querySelector('#teacher-add')!);
    await waitFor(() => expect(createTeacher).toHaveBeenCalledWith({ name: '钱老师', schoolId: jingwuGroup.members[0].schoolId }));
    tap(await screen.findByText('生成邀请码'));
    // Assess
    expect((await screen.findByText('ABCDE-FGH23')).id).toBe('invite-code');
    expect(createInvite).toHaveBeenCalledWith({ target: { role: 'teacher', teacherId: 't-1' } });
    expect(screen.getByText(/2026-11-26 08:00/)).toBeTruthy();
  });

  test('tells a parent the page is for admins', async () => {
    jest.mocked(getMe).mockResolvedValue({ ...groupAdmin, roles: [{ role: 'parent', scope: null }] });
    render(<AdminTeachersPage />);
    expect(await screen.findByText('仅集团管理员和区管理员可用')).toBeTruthy();
  });
});
