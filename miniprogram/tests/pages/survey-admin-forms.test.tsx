import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../src/api/api-error';
import { getGroup } from '../../src/api/catalog';
import { copySurveyToDraft, createSurvey, putEnrollment, putSurveySettings, sendReminders } from '../../src/api/surveys';
import { CopySurvey } from '../../src/packages/survey/admin/CopySurvey';
import { NewSurvey } from '../../src/packages/survey/admin/NewSurvey';
import { RecognitionSetting } from '../../src/packages/survey/admin/RecognitionSetting';
import { SendReminders } from '../../src/packages/survey/admin/SendReminders';
import { EnrollmentRow } from '../../src/packages/survey/enrollment/EnrollmentRow';
import Taro from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/surveys');
jest.mock('../../src/api/catalog');

const $ = (selector: string) => document.querySelector(selector)!;
const invalid = (path: string, message: string) => new ApiError('VALIDATION_FAILED', '请求参数不正确', 400, [{ path, message }]);

/** Each admin survey form shows the server's own words beside the field they are about. */
describe('the survey admin forms', () => {
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('新建问卷 (template) shows a refused title under the title', async () => {
    // Prepare
    jest.mocked(createSurvey).mockRejectedValue(invalid('definition.title', '标题最多 60 字'));
    render(<NewSurvey districtId="jinan-shizhong" groups={[{ id: 'jn-jingwu', name: '经五教育集团' }]} onCreated={() => {}} />);
    // Act
    tap($('#new-survey-create'));
    // Assess
    await waitFor(() => expect($('#error-definition-title').textContent).toBe('标题最多 60 字'));
    expect($('#error-definition-title').previousElementSibling!.id).toBe('new-survey-title');
  });

  test('新建问卷 (template) shows a group out of scope under 范围', async () => {
    // Prepare
    jest.mocked(getGroup).mockResolvedValue({ districtId: 'jinan-shizhong' } as never);
    jest
      .mocked(createSurvey)
      .mockRejectedValue(
        new ApiError('FORBIDDEN_REFERENCE', '请求中包含不在您管理范围内的区县、集团或学校', 403, [
          { path: 'definition.audience.groupIds.0', message: '不在您的管理范围内' },
        ]),
      );
    render(<NewSurvey districtId="jinan-shizhong" groups={[{ id: 'jn-jingwu', name: '经五教育集团' }]} onCreated={() => {}} />);
    tap($('#audience-jn-jingwu'));
    // Act
    tap($('#new-survey-create'));
    // Assess
    await waitFor(() => expect($('#error-definition-audience').textContent).toBe('不在您的管理范围内'));
  });

  test('认可口径 shows a refused choice under the choices', async () => {
    // Prepare
    jest.mocked(putSurveySettings).mockRejectedValue(invalid('recognition', '请选择认可口径'));
    render(
      <RecognitionSetting districtId="jinan-shizhong" settings={{ recognition: 'strict-top-two', updatedAt: null, updatedBy: null }} />,
    );
    tap($('#recognition-as-authored'));
    // Act
    tap($('#recognition-save'));
    // Assess
    await waitFor(() => expect($('#error-recognition').textContent).toBe('请选择认可口径'));
  });

  test("提醒未答家长 keeps the server's refusal beside its button", async () => {
    // Prepare
    jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false });
    jest.mocked(sendReminders).mockRejectedValue(new ApiError('SURVEY_CLOSED', '问卷已截止，不能再提醒', 409));
    render(<SendReminders surveyId="sv-one" />);
    // Act
    tap($('#send-reminders-sv-one'));
    // Assess
    await waitFor(() => expect($('#reminder-problem-sv-one').textContent).toBe('问卷已截止，不能再提醒'));
  });

  test('复制为新问卷 says why a copy was refused beside its button', async () => {
    // Prepare
    jest.mocked(copySurveyToDraft).mockRejectedValue(new ApiError('NOT_FOUND', '未找到该问卷', 404));
    render(<CopySurvey surveyId="sv-gone" />);
    // Act
    tap($('#copy-survey-sv-gone'));
    // Assess
    await waitFor(() => expect($('#copy-problem-sv-gone').textContent).toBe('未找到该问卷'));
  });

  test("在校家庭数 shows the server's message for families under that school's field", async () => {
    // Prepare
    jest.mocked(putEnrollment).mockRejectedValue(invalid('families', '在校家庭数须为 0–100000 的整数'));
    render(<EnrollmentRow row={{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', families: null, updatedAt: null }} />);
    await typeInto($('#enrollment-jn-jingbalu-ps .enrollment-row__input'), '-3');
    // Act
    tap(screen.getByText('保存'));
    // Assess
    await waitFor(() => expect($('#enrollment-error-jn-jingbalu-ps').textContent).toBe('在校家庭数须为 0–100000 的整数'));
  });
});
