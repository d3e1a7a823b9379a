import { render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../src/api/api-error';
import { RetryableError } from '../../src/api/request';
import { getSchool } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { getSurvey, submitResponse } from '../../src/api/surveys';
import AnswerSurveyPage, { UNSENT_MESSAGE } from '../../src/packages/survey/answer/index';
import { clearStorage, setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';
import { jingbaluDetail, openParentSurvey } from '../support/fixtures';

jest.mock('../../src/api/surveys');
jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');

const definition = openParentSurvey();
const unavailable = () => new RetryableError('STORE_UNAVAILABLE', '服务暂时繁忙，请稍后重试', 503, 5);

/** Picks the first choice of every required question, as a parent tapping through would. */
function answerAllRequired() {
  for (const q of definition.questions.filter((x) => x.required)) tap(document.querySelector(`#question-${q.id} .choice`)!);
}
const submitButton = () => document.querySelector('#survey-submit')!;

describe('the survey answer page', () => {
  beforeEach(() => {
    clearStorage();
    jest.mocked(submitResponse).mockReset();
    setRouterParams({ id: 'sv-one', school: 'jn-jingbalu-ps' });
    jest.mocked(getSurvey).mockResolvedValue({ id: 'sv-one', definition, status: 'open' });
    // A parent bound to 经八路 in 我的 (school-confirm.test.tsx covers the unbound one).
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);
    jest.mocked(getMe).mockResolvedValue({
      userId: 'u1',
      roles: [{ role: 'parent', scope: null }],
      schools: [{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: '2026-11-23T00:00:00Z' }],
      teacher: null,
    });
  });

  test('shows the retry state when the service is down, and 重试 loads again', async () => {
    // Prepare
    jest.mocked(getSurvey).mockRejectedValueOnce(unavailable());
    render(<AnswerSurveyPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.getByText('约 5 秒后可重试')).toBeTruthy();

    // Act
    tap(document.querySelector('#retry-button')!);

    // Assess
    expect(await screen.findByText(definition.title)).toBeTruthy();
    expect(getSurvey).toHaveBeenCalledTimes(2);
  });

  test('keeps the answers on the device: a remounted page restores them', async () => {
    // Prepare
    const first = render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    answerAllRequired();
    const progress = document.querySelector('#survey-progress')!.textContent;
    first.unmount();

    // Act
    render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);

    // Assess
    expect(progress).not.toContain('已完成 0/');
    expect(document.querySelector('#survey-progress')!.textContent).toBe(progress);
  });

  test('a 503 on submit keeps the draft and says so; 重新提交 sends the same answers, and ALREADY_ANSWERED then is success', async () => {
    // Prepare
    jest
      .mocked(submitResponse)
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(new ApiError('ALREADY_ANSWERED', '您已提交过本问卷', 409));
    const first = render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    answerAllRequired();

    // Act
    tap(submitButton());
    expect(await screen.findByText(UNSENT_MESSAGE)).toBeTruthy();
    expect(submitButton().textContent).toContain('重新提交');
    first.unmount();
    render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    tap(submitButton());

    // Assess
    await waitFor(() => expect(submitResponse).toHaveBeenCalledTimes(2));
    const [sent, resent] = jest.mocked(submitResponse).mock.calls;
    expect(resent).toEqual(sent);
    expect(Object.keys(sent[2]).length).toBeGreaterThan(0);
  });

  test('ALREADY_ANSWERED on a resend clears the draft and thanks the parent', async () => {
    // Prepare
    jest
      .mocked(submitResponse)
      .mockRejectedValueOnce(unavailable())
      .mockRejectedValueOnce(new ApiError('ALREADY_ANSWERED', '您已提交过本问卷', 409));
    const page = render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    answerAllRequired();
    tap(submitButton());
    await screen.findByText(UNSENT_MESSAGE);

    // Act
    tap(submitButton());

    // Assess
    expect(await screen.findByText('提交成功，感谢您的参与！您的回答是匿名的。')).toBeTruthy();
    page.unmount();
    render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    expect(document.querySelector('#survey-progress')!.textContent).toContain('已完成 0/');
  });

  test('after a submit, shows the server’s message and which questions’ texts were not kept', async () => {
    // Prepare
    const textQuestion = definition.questions.findIndex((q) => q.type === 'text');
    jest.mocked(submitResponse).mockResolvedValue({
      ok: true,
      message: '您的选择已提交；部分文字内容未通过安全检查，未被保存',
      refusedTexts: [definition.questions[textQuestion].id],
    } as never);
    render(<AnswerSurveyPage />);
    await screen.findByText(definition.title);
    answerAllRequired();

    // Act
    tap(submitButton());

    // Assess
    expect(await screen.findByText('您的选择已提交；部分文字内容未通过安全检查，未被保存')).toBeTruthy();
    expect(document.querySelector('#survey-refused')!.textContent).toBe(`部分文字内容未通过安全检查，未被保存：第 ${textQuestion + 1} 题`);
  });
});
