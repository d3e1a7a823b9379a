import { render, screen, waitFor } from '@testing-library/react';
import type { SurveyDraftView } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { getGroup, listDistrictGroups } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { createSurveyDraft, getSurveyDraft, publishSurveyDraft, saveSurveyDraft } from '../../src/api/surveys';
import SurveyBuilderPage from '../../src/packages/survey/builder/index';
import { saveSession } from '../../src/api/session-store';
import { clearStorage, setRouterParams } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/surveys');
jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');

const $ = (selector: string) => document.querySelector(selector)!;
/** Waits until the element is rendered (a choice that appears once a read has answered). */
const rendered = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    if (!found) throw new Error(`${selector} is not rendered yet`);
    return found;
  });
const editorIds = () => [...document.querySelectorAll('.question-editor')].map((e) => e.id.replace('question-editor-', ''));

/** A saved draft as the server answers it. */
const draftView = (overrides: Partial<SurveyDraftView> = {}): SurveyDraftView => ({
  id: 'd.jinan-shizhong.abcdefghijkl',
  owner: { type: 'district', id: 'jinan-shizhong' },
  districtId: 'jinan-shizhong',
  title: '课后服务满意度',
  description: '',
  opensAt: '2026-12-01T16:00:00.000Z',
  closesAt: '2026-12-15T15:59:59.000Z',
  audience: { groupIds: [], schoolIds: [], respondents: ['parent'] },
  questions: [
    {
      id: 'q1',
      type: 'likert',
      title: '您对课后服务是否满意？',
      dimension: '课后服务',
      labels: ['满意', '比较满意', '基本满意', '不满意'],
      satisfiedTopBoxes: 3,
    },
    {
      id: 'q2',
      type: 'single',
      title: '每周参加几次？',
      options: [
        { id: 'a', label: '1–2 次' },
        { id: 'b', label: '3 次及以上' },
      ],
    },
    { id: 'q3', type: 'text', title: '您的建议' },
  ],
  questionsIssued: 3,
  version: 2,
  updatedAt: '2026-12-02T00:00:00.000Z',
  updatedBy: 'u1',
  copiedFrom: null,
  ...overrides,
});

describe('the survey builder', () => {
  beforeEach(() => {
    jest.resetAllMocks();
    clearStorage();
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    setRouterParams({});
    jest.mocked(getMe).mockResolvedValue({
      userId: 'u1',
      roles: [{ role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } }],
      schools: [],
      teacher: null,
    });
    jest.mocked(listDistrictGroups).mockResolvedValue({
      items: [{ id: 'jn-jingwu', name: '经五教育集团', type: '1+X', leadSchoolId: 'jn-jingwulu-ps', memberCount: 3 }],
    });
    jest.mocked(getGroup).mockResolvedValue({
      id: 'jn-jingwu',
      name: '经五教育集团',
      type: '1+X',
      districtId: 'jinan-shizhong',
      leadSchool: null,
      partners: [],
      members: [{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', role: 'member', stage: '小学' }],
    });
  });

  test('adds questions with fresh ids that are never reused after a delete, and moves them up and down', async () => {
    // Prepare
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    tap($('#builder-add-likert'));
    tap($('#builder-add-single'));
    tap($('#builder-add-text'));
    tap($('#q-q3-delete'));
    tap($('#builder-add-multiple'));
    tap($('#q-q4-up'));
    // Assess
    expect(editorIds()).toEqual(['q1', 'q4', 'q2']);
    tap($('#q-q1-down'));
    expect(editorIds()).toEqual(['q4', 'q1', 'q2']);
    expect($('#builder-counter').textContent).toBe('统计项 4 / 96');
  });

  test('counts 统计项 live and says in Chinese why a survey over 96 cannot be published', async () => {
    // Prepare
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    tap($('#builder-add-multiple'));
    // Act: a multiple choice allowed 97 picks.
    await typeInto($('#q-q1-max'), '97');
    // Assess
    expect($('#builder-counter').textContent).toBe('统计项 97 / 96');
    expect($('#builder-counter-reason').textContent).toContain('超过上限 96');
    tap($('#builder-publish'));
    await waitFor(() => expect($('#builder-problem').textContent).toContain('统计项 97 个'));
    expect(publishSurveyDraft).not.toHaveBeenCalled();
  });

  test("previews the survey with the answer page's own question fields, and nothing is sent", async () => {
    // Prepare
    setRouterParams({ draft: 'd.jinan-shizhong.abcdefghijkl' });
    jest.mocked(getSurveyDraft).mockResolvedValue(draftView());
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    tap($('#builder-preview'));
    tap(await rendered('#question-q1 .choice'));
    // Assess
    expect($('#builder-preview').textContent).toBe('返回编辑');
    expect([...document.querySelectorAll('#question-q1 .choice')].map((c) => c.textContent)).toEqual([
      '满意',
      '比较满意',
      '基本满意',
      '不满意',
      '不了解',
    ]);
    expect($('#question-q1 .choice--selected').textContent).toBe('满意');
    expect($('#preview-progress').textContent).toBe('必答题已完成 1/2');
    expect(document.querySelector('#question-q3 textarea, #question-q3 .question__text')).toBeTruthy();
    expect(saveSurveyDraft).not.toHaveBeenCalled();
  });

  test("shows the server's field messages beside the fields when publishing an incomplete draft", async () => {
    // Prepare
    setRouterParams({ draft: 'd.jinan-shizhong.abcdefghijkl' });
    jest.mocked(getSurveyDraft).mockResolvedValue(draftView());
    jest.mocked(publishSurveyDraft).mockRejectedValue(
      new ApiError('DRAFT_INCOMPLETE', '问卷还不能发布：请填写题目', 400, [
        { path: 'questions.1.title', message: '请填写题目' },
        { path: 'questions.1.options', message: '至少需要 2 个选项' },
        { path: 'closesAt', message: '截止时间须晚于开始时间' },
      ]),
    );
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    tap($('#builder-publish'));
    // Assess
    await waitFor(() => expect($('#error-questions-1-title').textContent).toBe('请填写题目'));
    expect($('#question-editor-q2 #error-questions-1-options').textContent).toBe('至少需要 2 个选项');
    expect($('#error-closesAt').textContent).toBe('截止时间须晚于开始时间');
    expect($('#builder-problem').textContent).toBe('问卷还不能发布：请填写题目（共 3 处，已在各项下方标出）');
  });

  test('saves a new survey as a draft of the district with what was typed, then saves over its version', async () => {
    // Prepare
    jest.mocked(createSurveyDraft).mockResolvedValue(draftView({ version: 1, title: '家长问卷' }));
    jest.mocked(saveSurveyDraft).mockResolvedValue(draftView({ version: 2, title: '家长问卷二' }));
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    await typeInto($('#builder-title'), '家长问卷');
    tap($('#builder-audience-jn-jingwu'));
    tap($('#builder-add-nps'));
    // Act
    tap($('#builder-save'));
    await waitFor(() => expect($('#builder-status').textContent).toBe('已保存到草稿箱'));
    await typeInto($('#builder-title'), '家长问卷二');
    tap($('#builder-save'));
    // Assess
    expect(createSurveyDraft).toHaveBeenCalledWith(
      { type: 'district', id: 'jinan-shizhong' },
      expect.objectContaining({
        title: '家长问卷',
        audience: { groupIds: ['jn-jingwu'], schoolIds: [], respondents: ['parent'] },
        questions: [expect.objectContaining({ id: 'q1', type: 'nps' })],
        questionsIssued: 1,
      }),
    );
    await waitFor(() =>
      expect(saveSurveyDraft).toHaveBeenCalledWith('d.jinan-shizhong.abcdefghijkl', expect.objectContaining({ title: '家长问卷二' }), 1),
    );
  });

  test("shows a refused school beside the audience, from the reference's path", async () => {
    // Prepare
    jest
      .mocked(createSurveyDraft)
      .mockRejectedValue(
        new ApiError('FORBIDDEN_REFERENCE', '请求中包含不在您管理范围内的区县、集团或学校', 403, [
          { path: 'audience.schoolIds.0', message: '不在您的管理范围内' },
        ]),
      );
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    tap($('#builder-save'));
    // Assess
    await waitFor(() => expect($('#error-audience-schoolIds').textContent).toBe('不在您的管理范围内'));
  });

  test("keeps a group admin's survey to their own group and saves it as that group's draft", async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue({
      userId: 'u2',
      roles: [{ role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } }],
      schools: [],
      teacher: null,
    });
    jest
      .mocked(createSurveyDraft)
      .mockResolvedValue(draftView({ id: 'g.jn-jingwu.abcdefghijkl', owner: { type: 'group', id: 'jn-jingwu' } }));
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    tap(await rendered('#builder-audience-school-jn-jingbalu-ps'));
    tap($('#builder-respondents-teacher'));
    tap($('#builder-save'));
    // Assess
    expect(document.querySelector('#builder-audience-all')).toBeNull();
    await waitFor(() =>
      expect(createSurveyDraft).toHaveBeenCalledWith(
        { type: 'group', id: 'jn-jingwu' },
        expect.objectContaining({ audience: { groupIds: ['jn-jingwu'], schoolIds: ['jn-jingbalu-ps'], respondents: ['teacher'] } }),
      ),
    );
    expect($('#builder-audience-summary').textContent).toBe('发放范围：已选 1 所学校');
  });

  test('saves an opened draft by itself a few seconds after the last edit', async () => {
    // Prepare
    setRouterParams({ draft: 'd.jinan-shizhong.abcdefghijkl' });
    jest.mocked(getSurveyDraft).mockResolvedValue(draftView());
    jest.mocked(saveSurveyDraft).mockResolvedValue(draftView({ version: 3, title: '课后服务满意度（修订）' }));
    render(<SurveyBuilderPage />);
    await screen.findByText('问卷信息');
    // Act
    await typeInto($('#builder-title'), '课后服务满意度（修订）');
    // Assess
    expect($('#builder-status').textContent).toBe('有未保存的修改（将自动保存）');
    await waitFor(() => expect($('#builder-status').textContent).toBe('已保存到草稿箱'), { timeout: 6000 });
    expect(saveSurveyDraft).toHaveBeenCalledTimes(1);
    expect(saveSurveyDraft).toHaveBeenCalledWith(
      'd.jinan-shizhong.abcdefghijkl',
      expect.objectContaining({ title: '课后服务满意度（修订）' }),
      2,
    );
  }, 10_000);
});
