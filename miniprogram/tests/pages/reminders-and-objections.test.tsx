import { cleanup, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyRotation, MySurvey, RotationBatch } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { getMyRotation, getObjectionStatus } from '../../src/api/rotation';
import { consentToReminder, listMySurveys, sendReminders } from '../../src/api/surveys';
import { reminderReportText, SendReminders } from '../../src/packages/survey/admin/SendReminders';
import MySurveysPage from '../../src/packages/survey/list/index';
import MyObjectionsPage from '../../src/packages/rotation/my-objections/index';
import MyRotationPage from '../../src/packages/rotation/mine/index';
import { keepReceipt, readReceipts } from '../../src/packages/rotation/objection-receipts';
import { clearStorage } from '../support/taro-shim';
import { rotationBatch } from '../support/fixtures';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/rotation');
jest.mock('../../src/api/surveys');

const survey = (id: string, overrides: Partial<MySurvey> = {}): MySurvey => ({
  id,
  title: `问卷 ${id}`,
  opensAt: '2026-11-20T00:00:00Z',
  closesAt: '2026-12-20T00:00:00Z',
  status: 'open',
  schoolIds: ['jn-jingbalu-ps'],
  answered: false,
  ...overrides,
});
const batch = (status: RotationBatch['status']): RotationBatch => rotationBatch({ status, assignmentCount: 2 });
const assignment = (status: RotationBatch['status']): MyRotation => ({
  id: 'a00001',
  batchId: 'rb-1',
  batch: batch(status),
  teacherName: '演示教师',
  subject: '数学',
  fromSchoolId: 'jn-jingbalu-ps',
  fromSchoolName: '济南市经八路小学',
  toSchoolId: 'jn-yuying-ms',
  toSchoolName: '育英中学',
  type: '定期交流',
  startMonth: '2027-02',
  endMonth: '2028-01',
  backboneLevel: '无',
  transferPersonnel: false,
  toSchool: { id: 'jn-yuying-ms', name: '育英中学', address: null, groups: [] },
});

/** The element, or a throw so that waitFor keeps waiting. */
const shown = (selector: string): Element => {
  const element = document.querySelector(selector);
  if (!element) throw new Error(`${selector} is not shown`);
  return element;
};

describe('reminders and teacher flows', () => {
  afterEach(() => {
    cleanup();
    clearStorage();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('我的问卷 offers 截止前提醒我 on open unanswered surveys only, and a tap consents once', async () => {
    // Prepare
    jest.mocked(listMySurveys).mockResolvedValue({
      items: [survey('sv-open'), survey('sv-done', { answered: true }), survey('sv-closed', { status: 'closed' })],
    });
    jest.mocked(consentToReminder).mockResolvedValue({ surveyId: 'sv-open', consented: true });
    render(<MySurveysPage />);
    const button = await waitFor(() => shown('#reminder-consent-sv-open'));

    // Act
    tap(button);

    // Assess
    await waitFor(() => expect(button.textContent).toBe('已订阅提醒'));
    expect(consentToReminder).toHaveBeenCalledWith('sv-open');
    expect(document.querySelector('#reminder-consent-sv-done')).toBeNull();
    expect(document.querySelector('#reminder-consent-sv-closed')).toBeNull();
  });

  test('the consent button shows the server refusal (a demo login has no openid) and stays available', async () => {
    // Prepare
    jest.mocked(listMySurveys).mockResolvedValue({ items: [survey('sv-open')] });
    jest.mocked(consentToReminder).mockRejectedValue(new ApiError('SUBSCRIBE_NEEDS_WECHAT', '请在微信小程序中订阅提醒', 400));
    const toast = jest.spyOn(Taro, 'showToast');
    render(<MySurveysPage />);
    const button = await waitFor(() => shown('#reminder-consent-sv-open'));

    // Act
    tap(button);

    // Assess
    await waitFor(() => expect(toast).toHaveBeenCalledWith({ title: '请在微信小程序中订阅提醒', icon: 'none' }));
    expect(button.textContent).toBe('截止前提醒我');
  });

  test('提醒未答家长 sends after confirmation and shows what was done', async () => {
    // Prepare
    jest.mocked(sendReminders).mockResolvedValue({ sent: 1, skipped: 1, refused: 0, failed: 0 });
    render(<SendReminders surveyId="sv-1" />);

    // Act
    tap(document.querySelector('#send-reminders-sv-1')!);

    // Assess
    await waitFor(() => expect(screen.getByText('已提醒 1 人，1 人已作答未提醒')).toBeTruthy());
    expect(reminderReportText({ sent: 0, skipped: 0, refused: 2, failed: 1 })).toBe('已提醒 0 人，2 人已拒收，1 人发送失败');
  });

  test('我的交流 links to the 公示, and to 提出异议 only while the notice period runs', async () => {
    // Prepare
    jest.mocked(getMyRotation).mockResolvedValueOnce({ teacherBound: true, items: [assignment('publicizing')] });
    const navigate = jest.spyOn(Taro, 'navigateTo');

    // Act
    const { unmount } = render(<MyRotationPage />);
    await waitFor(() => expect(screen.getByText('提出异议')).toBeTruthy());
    tap(screen.getByText('提出异议'));
    tap(screen.getByText('查看公示'));
    unmount();
    jest.mocked(getMyRotation).mockResolvedValueOnce({ teacherBound: true, items: [assignment('effective')] });
    render(<MyRotationPage />);

    // Assess
    await waitFor(() => expect(screen.getByText('查看公示')).toBeTruthy());
    expect(screen.queryByText('提出异议')).toBeNull();
    expect(navigate.mock.calls.map(([options]) => options.url)).toEqual([
      '/packages/rotation/objection/index?batch=rb-1&assignment=a00001',
      '/packages/rotation/detail/index?id=rb-1',
    ]);
  });

  test('我的异议 shows 待处理 and 已处理 with the resolution for the receipts kept here, and leaves out unknown ones', async () => {
    // Prepare
    keepReceipt('rb-1.ob-1.old');
    keepReceipt('rb-1.ob-2.gone');
    keepReceipt('rb-1.ob-3.new');
    const base = { batchId: 'rb-1', batchTitle: '2026 学年交流轮岗', createdAt: '2026-11-23T02:00:00Z' };
    jest.mocked(getObjectionStatus).mockImplementation(async (receipt) => {
      if (receipt.endsWith('gone')) throw new ApiError('NOT_FOUND', '未找到该异议回执', 404);
      return receipt.endsWith('new')
        ? { ...base, id: 'ob-3', text: '新异议', status: 'pending', resolution: null, resolvedAt: null }
        : { ...base, id: 'ob-1', text: '旧异议', status: 'resolved', resolution: '已核实调整', resolvedAt: '2026-11-24T02:00:00Z' };
    });

    // Act
    render(<MyObjectionsPage />);

    // Assess
    await waitFor(() => expect(screen.getByText('待处理')).toBeTruthy());
    expect(readReceipts()).toEqual(['rb-1.ob-3.new', 'rb-1.ob-2.gone', 'rb-1.ob-1.old']);
    expect(Array.from(document.querySelectorAll('.my-objection__status')).map((e) => e.textContent)).toEqual(['待处理', '已处理']);
    expect(screen.getByText(/处理结果：已核实调整/)).toBeTruthy();
  });
});
