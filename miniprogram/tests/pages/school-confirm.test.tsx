import { render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { getSchool } from '../../src/api/catalog';
import { bindSchool, getMe } from '../../src/api/identity';
import { getSurvey, submitResponse } from '../../src/api/surveys';
import AnswerSurveyPage from '../../src/packages/survey/answer/index';
import { clearStorage, setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';
import { jingbaluDetail, openParentSurvey } from '../support/fixtures';

jest.mock('../../src/api/surveys');
jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');

const definition = openParentSurvey();
const jingbalu = { schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: '2026-11-23T00:00:00Z' };
const unbound: Me = { userId: 'u1', roles: [{ role: 'parent', scope: null }], schools: [], teacher: null };
const bound: Me = { ...unbound, schools: [jingbalu] };
const NOT_BOUND = '请先确认并绑定孩子就读的学校，再填写该校问卷';

function answerAllRequired() {
  for (const q of definition.questions.filter((x) => x.required)) tap(document.querySelector(`#question-${q.id} .choice`)!);
}
const submitButton = () => document.querySelector('#survey-submit')!;
const bindButton = () => document.querySelector('#school-confirm-bind');

describe('the school a parent rates on the survey answer page', () => {
  beforeEach(() => {
    clearStorage();
    jest.resetAllMocks();
    setRouterParams({ id: 'sv-one', school: 'jn-jingbalu-ps' });
    jest.mocked(getSurvey).mockResolvedValue({ id: 'sv-one', definition, status: 'open' });
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);
    jest.mocked(submitResponse).mockResolvedValue({ ok: true } as never);
  });

  test('a bound parent sees which school is rated and no binding to confirm', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(bound);

    // Act
    render(<AnswerSurveyPage />);

    // Assess
    expect(await screen.findByText('您正在评价：济南市经八路小学')).toBeTruthy();
    expect(getSchool).toHaveBeenCalledWith('jn-jingbalu-ps');
    expect(bindButton()).toBeNull();
  });

  test('an unbound parent confirms and binds the school before the answers can be sent', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(unbound);
    jest.mocked(bindSchool).mockResolvedValue(bound);
    render(<AnswerSurveyPage />);
    await screen.findByText('您正在评价：济南市经八路小学');
    answerAllRequired();
    tap(submitButton());
    expect(submitResponse).not.toHaveBeenCalled();

    // Act
    tap(bindButton()!);
    await waitFor(() => expect(bindButton()).toBeNull());
    tap(submitButton());

    // Assess
    expect(bindSchool).toHaveBeenCalledWith('jn-jingbalu-ps');
    expect(await screen.findByText('提交成功，感谢您的参与！您的回答是匿名的。')).toBeTruthy();
    expect(jest.mocked(submitResponse).mock.calls[0].slice(0, 2)).toEqual(['sv-one', 'jn-jingbalu-ps']);
  });

  test('a teacher of the school counts as bound', async () => {
    // Prepare
    const teacher = {
      teacherId: 't1',
      name: '李老师',
      schoolId: 'jn-jingbalu-ps',
      schoolName: '济南市经八路小学',
      boundAt: jingbalu.boundAt,
    };
    jest.mocked(getMe).mockResolvedValue({ ...unbound, teacher });

    // Act
    render(<AnswerSurveyPage />);

    // Assess
    await screen.findByText('您正在评价：济南市经八路小学');
    expect(bindButton()).toBeNull();
  });

  test('a failed binding says why and keeps the button', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(unbound);
    jest.mocked(bindSchool).mockRejectedValue(new ApiError('TOO_MANY_SCHOOLS', '最多可绑定 10 所学校', 409));
    render(<AnswerSurveyPage />);
    await screen.findByText('您正在评价：济南市经八路小学');

    // Act
    tap(bindButton()!);

    // Assess
    expect((await screen.findByText('最多可绑定 10 所学校')).id).toBe('school-confirm-problem');
    expect(bindButton()).not.toBeNull();
  });

  test('403 SCHOOL_NOT_BOUND on submit shows the server’s message beside the submit button and offers the binding again', async () => {
    // Prepare: 我的 said bound, but the binding was removed on another device.
    jest.mocked(getMe).mockResolvedValue(bound);
    jest.mocked(submitResponse).mockRejectedValue(new ApiError('SCHOOL_NOT_BOUND', NOT_BOUND, 403));
    render(<AnswerSurveyPage />);
    await screen.findByText('您正在评价：济南市经八路小学');
    answerAllRequired();

    // Act
    tap(submitButton());

    // Assess
    const message = await screen.findByText(NOT_BOUND);
    expect(message.id).toBe('survey-not-bound');
    expect(message.previousElementSibling).toBe(submitButton());
    expect(bindButton()).not.toBeNull();
  });
});
