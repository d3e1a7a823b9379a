import { cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { searchSchools } from '../../src/api/catalog';
import { bindSchool, deleteMe, getMe, logout, redeemInvite, unbindSchool } from '../../src/api/identity';
import { readSession, saveSession } from '../../src/api/session-store';
import MePage from '../../src/packages/me/index';
import { clearStorage } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';
import { jingbaluHit, jingwuluHit, page } from '../support/fixtures';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');

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
    const modal = jest
      .spyOn(Taro, 'showModal')
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
      .mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
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

  test('binds a school found by name, and marks schools already bound', async () => {
    // Prepare
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit, jingwuluHit]));
    jest.mocked(bindSchool).mockResolvedValue(me);
    render(<MePage />);
    await screen.findByText('济南市经八路小学');
    // Act
    await typeInto(document.querySelector('#bind-school-input')!, '经');
    const hit = await screen.findByText('+ 济南市经五路小学');
    // Assess
    expect(screen.getByText('济南市经八路小学（已绑定）')).toBeTruthy();
    tap(hit);
    await waitFor(() => expect(bindSchool).toHaveBeenCalledWith('jn-jingwulu-ps'));
    await waitFor(() => expect(getMe).toHaveBeenCalledTimes(2));
  });

  test('says so when no school matches', async () => {
    jest.mocked(searchSchools).mockResolvedValue(page([]));
    render(<MePage />);
    await screen.findByText('济南市经八路小学');
    await typeInto(document.querySelector('#bind-school-input')!, '不存在的学校');
    expect(await screen.findByText('没有找到相关学校')).toBeTruthy();
  });

  test('redeems an invite code, and shows the server’s Chinese message when it is refused', async () => {
    // Prepare
    const toast = jest.spyOn(Taro, 'showToast');
    jest
      .mocked(redeemInvite)
      .mockRejectedValueOnce(new ApiError('INVITE_EXPIRED', '邀请码已过期，请联系管理员重新生成', 410))
      .mockResolvedValue(me);
    render(<MePage />);
    await screen.findByText('济南市经八路小学');
    // Act: refused once, then accepted.
    await typeInto(document.querySelector('#invite-input')!, 'ABCDE-FGH23');
    tap(document.querySelector('#invite-submit')!);
    // Assess
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '邀请码已过期，请联系管理员重新生成', icon: 'none' }));
    // The code stays for another try; after success the field is emptied.
    expect(document.querySelector<HTMLInputElement>('#invite-input input')?.value).toBe('ABCDE-FGH23');
    tap(document.querySelector('#invite-submit')!);
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '已绑定身份', icon: 'none' }));
    expect(jest.mocked(redeemInvite).mock.calls).toEqual([['ABCDE-FGH23'], ['ABCDE-FGH23']]);
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('#invite-input input')?.value).toBe(''));
  });

  test('logs out: the server ends the session and the app forgets it', async () => {
    jest.mocked(logout).mockResolvedValue({ ok: true });
    render(<MePage />);
    tap(await screen.findByText('退出登录'));
    await waitFor(() => expect(logout).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(readSession()).toBeNull());
    expect(await screen.findByText('尚未登录，请重试')).toBeTruthy();
  });
});
