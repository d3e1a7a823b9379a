import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { SurveyDefinition, TextForReview } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { approveSurveyText, getSurvey, listSurveyTexts, rejectSurveyText } from '../../src/api/surveys';
import SurveyModerationPage from '../../src/packages/survey/moderation/index';
import Taro, { setRouterParams } from '../support/taro-shim';

jest.mock('../../src/api/surveys');

const definition: SurveyDefinition = {
  title: '家长满意度调查',
  description: '',
  audience: { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: [], respondents: ['parent'] },
  opensAt: '2026-11-20T00:00:00Z',
  closesAt: '2026-12-20T00:00:00Z',
  anonymous: true,
  questions: [
    { id: 'q1', type: 'nps', title: '推荐', required: true },
    { id: 'q2', type: 'text', title: '您还有什么建议？', required: false },
  ],
};
const REF_A = '0.11111111-1111-4111-8111-111111111111.0';
const REF_B = '1.22222222-2222-4222-8222-222222222222.0';
const items: TextForReview[] = [
  { ref: REF_A, questionId: 'q2', text: '食堂饭菜可以更清淡', status: 'held' },
  { ref: REF_B, questionId: 'q2', text: '放学时校门口太拥堵', status: 'held' },
  { ref: '2.33333333-3333-4333-8333-333333333333.0', questionId: 'q2', text: '老师们辛苦了', status: 'visible' },
];
const row = (ref: string) => document.querySelector(`#held-${ref.replace(/\./g, '-')}`)!;

describe('the 文字审核 page', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    setRouterParams({ id: 'sv-one' });
    jest.mocked(getSurvey).mockResolvedValue({ id: 'sv-one', definition, status: 'open' });
    jest.mocked(listSurveyTexts).mockResolvedValue({ items });
  });
  afterEach(() => jest.restoreAllMocks());

  test('lists held texts with their question and without school or date, and counts each status', async () => {
    // Act
    render(<SurveyModerationPage />);

    // Assess
    expect((await screen.findByText('食堂饭菜可以更清淡')).className).toBe('held-text__body');
    expect(document.querySelector('#moderation-counts')?.textContent).toBe('待审核 2 条 · 已公开 1 条 · 已拒绝 0 条');
    expect(row(REF_A).textContent).toBe('2. 您还有什么建议？食堂饭菜可以更清淡通过拒绝');
    expect(document.body.textContent).not.toMatch(/学校：|经八路|2026-/);
  });

  test('approves one text and rejects another after asking, then reloads the list', async () => {
    // Prepare
    jest.mocked(approveSurveyText).mockResolvedValue({ ok: true });
    jest.mocked(rejectSurveyText).mockResolvedValue({ ok: true });
    const modal = jest.spyOn(Taro, 'showModal');
    render(<SurveyModerationPage />);
    await screen.findByText('食堂饭菜可以更清淡');

    // Act
    fireEvent.click(row(REF_A).querySelector('.held-text__approve')!);
    await waitFor(() => expect(approveSurveyText).toHaveBeenCalledWith('sv-one', REF_A));
    fireEvent.click(row(REF_B).querySelector('.held-text__reject')!);

    // Assess
    await waitFor(() => expect(rejectSurveyText).toHaveBeenCalledWith('sv-one', REF_B));
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: '拒绝后这条文字不会在结果中公开，之后也不能再通过。' }));
    await waitFor(() => expect(listSurveyTexts).toHaveBeenCalledTimes(3));
  });

  test('does not reject when the admin thinks again', async () => {
    // Prepare
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true });
    render(<SurveyModerationPage />);
    await screen.findByText('放学时校门口太拥堵');

    // Act
    fireEvent.click(row(REF_B).querySelector('.held-text__reject')!);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());

    // Assess
    expect(rejectSurveyText).not.toHaveBeenCalled();
  });

  test('shows the server’s field message beside the text it is about', async () => {
    // Prepare: the server answers 400 with details for the ref.
    jest
      .mocked(approveSurveyText)
      .mockRejectedValue(new ApiError('VALIDATION_FAILED', '请求参数不正确', 400, [{ path: 'ref', message: '引用格式不正确' }]));
    render(<SurveyModerationPage />);
    await screen.findByText('放学时校门口太拥堵');

    // Act
    fireEvent.click(row(REF_B).querySelector('.held-text__approve')!);

    // Assess: under that text, not the other one.
    await waitFor(() => expect(row(REF_B).querySelector('#error-ref')?.textContent).toBe('引用格式不正确'));
    expect(row(REF_A).querySelector('#error-ref')).toBeNull();
  });

  test('says why a text can no longer be decided (409), beside it', async () => {
    // Prepare
    jest.mocked(rejectSurveyText).mockRejectedValue(new ApiError('TEXT_NOT_HELD', '该条文字不在待审核状态', 409));
    render(<SurveyModerationPage />);
    await screen.findByText('食堂饭菜可以更清淡');

    // Act
    fireEvent.click(row(REF_A).querySelector('.held-text__reject')!);

    // Assess
    await waitFor(() => expect(row(REF_A).querySelector('#error-ref')?.textContent).toBe('该条文字不在待审核状态'));
  });
});
