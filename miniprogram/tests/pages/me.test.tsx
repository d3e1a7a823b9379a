import { cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../../shared';
import { deleteMe, getMe, unbindSchool } from '../../src/api/identity';
import { readSession, saveSession } from '../../src/api/session-store';
import MePage from '../../src/packages/me/index';
import { clearStorage } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/identity');

const me: Me = {
  userId: 'u1',
  roles: [
    { role: 'parent', scope: null },
    { role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } },
  ],
  schools: [{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: '2026-11-23T00:00:00Z' }],
  teacher: null,
};

describe('the 我的 page', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    jest.mocked(getMe).mockResolvedValue(me);
  });
  afterEach(() => {
    // Unmount first: a reload still under way must meet the mocks it was started with.
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('shows my roles with their scope and my bound schools', async () => {
    render(<MePage />);
    expect(await screen.findByText('集团管理员')).toBeTruthy();
    expect(screen.getByText('经五教育集团')).toBeTruthy();
    expect(document.querySelector('.me-school__name')?.textContent).toBe('济南市经八路小学');
  });

  test('unbinds a school through the API', async () => {
    // Prepare
    jest.mocked(unbindSchool).mockResolvedValue({ ...me, schools: [] });
    render(<MePage />);
    const unbind = await screen.findByText('解除绑定');
    // Act
    tap(unbind);
    // Assess
    await waitFor(() => expect(unbindSchool).toHaveBeenCalledWith('jn-jingbalu-ps'));
  });

  test('deletes my data only after I confirm, then forgets the session', async () => {
    // Prepare
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' }).mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    jest.mocked(deleteMe).mockResolvedValue({ deleted: { roles: 1, schools: 1, teacherBindings: 0, sessions: 1, other: 0 } });
    render(<MePage />);
    const remove = await screen.findByText('删除我的数据');
    // Act: refuse once, then confirm.
    tap(remove);
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(1));
    expect(deleteMe).not.toHaveBeenCalled();
    tap(remove);
    // Assess
    await waitFor(() => expect(deleteMe).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(readSession()).toBeNull());
    expect(JSON.stringify(modal.mock.calls[2][0])).toContain('学校 1 所');
  });
});
