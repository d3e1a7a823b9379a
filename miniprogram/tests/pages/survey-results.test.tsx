import { fireEvent, render, screen } from '@testing-library/react';
import { SURVEY_TEMPLATES, type ResponseRate, type SurveyDefinition, type SurveyResults, type UnitResult } from '../../../shared';
import { closeSurvey, getResults, getSurvey } from '../../src/api/surveys';
import SurveyResultsPage from '../../src/packages/survey/results/index';
import { returnRateText } from '../../src/packages/survey/results/results-text';
import Taro, { setRouterParams } from '../support/taro-shim';

jest.mock('../../src/api/surveys');

const template = SURVEY_TEMPLATES.find((t) => t.id === 'parent-satisfaction-5')!;
const definition: SurveyDefinition = {
  title: template.title,
  description: template.description,
  audience: { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: [], respondents: ['parent'] },
  opensAt: '2026-11-20T00:00:00Z',
  closesAt: '2026-12-20T00:00:00Z',
  anonymous: true,
  questions: [
    template.questions[0],
    {
      id: 'q9',
      type: 'multiple',
      title: '孩子参加了哪些课后服务',
      required: false,
      options: [
        { id: 'a', label: '体育' },
        { id: 'b', label: '艺术' },
        { id: 'c', label: '科技' },
      ],
      min: 0,
      max: 3,
    },
    { id: 'q10', type: 'nps', title: '您有多大可能向亲友推荐本集团', required: true },
    {
      id: 'q11',
      type: 'single',
      title: '孩子每天怎么上学',
      required: true,
      options: [
        { id: 'walk', label: '步行' },
        { id: 'car', label: '私家车' },
      ],
    },
    { id: 'q12', type: 'text', title: '您还有什么建议？', required: false },
  ],
};
const likert = {
  suppressed: false as const,
  type: 'likert' as const,
  n: 12,
  unknown: 0,
  distribution: { '1': 0, '2': 1, '3': 3, '4': 8 },
  index: { n: 12, mean: 3.6, index: 86.1, ci95: [70, 95] as [number, number] },
  satisfaction: { n: 12, rate: 0.917, ci95: [0.65, 0.98] as [number, number] },
  recognisedBoxes: 2,
  meetsThreshold: true,
};
const rate = (over: Partial<ResponseRate>): ResponseRate => ({
  status: 'ok',
  valid: 12,
  enrolledFamilies: 400,
  rate: 0.03,
  low: true,
  label: null,
  coverage: { coveredSchools: 1, schools: 1 },
  ...over,
});
const unit = (level: UnitResult['level'], id: string, name: string, over: Partial<UnitResult>): UnitResult => ({
  level,
  id,
  name,
  responses: { suppressed: false, n: 12, rate: rate({}), straightLinedShare: 0 },
  questions: { [definition.questions[0].id]: likert },
  ...over,
});
const LABEL = '满意、比较满意计为认可（严格口径）';
const SOURCE = '默认口径：《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）';
const hidden = { suppressed: true as const, label: '样本不足' as const };
const results: SurveyResults = {
  surveyId: 'sv-one',
  title: definition.title,
  minN: 10,
  snapshot: { version: 3, takenAt: '2026-11-30T06:00:00Z', responses: 42 },
  recognition: { definition: 'strict-top-two', label: LABEL, source: SOURCE },
  audit: { passed: true, shownCells: 9, hiddenCells: 3, sensitiveCells: 2, determined: 0 },
  units: [
    unit('district', 'jinan-shizhong', '济南市市中区', {
      responses: {
        suppressed: false,
        n: 42,
        rate: rate({ valid: 30, rate: 0.075, low: true, coverage: { coveredSchools: 2, schools: 3 } }),
        straightLinedShare: 0,
      },
      questions: {
        [definition.questions[0].id]: likert,
        q9: { suppressed: false, type: 'multiple', n: 4, distribution: { a: 3, b: 3, c: 3 } },
        q10: {
          suppressed: false,
          type: 'nps',
          distribution: {},
          nps: { n: 12, promoters: 6, passives: 4, detractors: 2, nps: 33.3 },
        },
        q11: { suppressed: false, type: 'single', n: 12, distribution: { walk: 9, car: 3 } },
      },
    }),
    unit('school', 'jn-jingbalu-ps', '济南市经八路小学', {
      responses: {
        suppressed: false,
        n: 12,
        rate: rate({ status: 'enrollment-wrong', rate: null, low: null, label: '在校家庭数有误', enrolledFamilies: 5 }),
        straightLinedShare: 0,
      },
    }),
    unit('school', 'jn-jingwei-ps', '济南市经纬小学', {
      responses: hidden,
      questions: { [definition.questions[0].id]: hidden, q9: hidden, q10: hidden, q11: hidden },
    }),
  ],
  texts: { q12: { suppressed: false, items: ['希望多组织家长开放日', '老师们辛苦了'] } },
};
const text = (selector: string) => document.querySelector(selector)?.textContent;

describe('the survey results page', () => {
  beforeEach(() => {
    setRouterParams({ id: 'sv-one' });
    jest.mocked(getSurvey).mockResolvedValue({ id: 'sv-one', definition, status: 'open' });
  });

  test('names the published snapshot and the 认可 rule with its source', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);

    // Assess: 06:00 UTC is 14:00 in Beijing.
    expect((await screen.findByText('数据截至 2026-11-30 14:00，共 42 份')).id).toBe('survey-snapshot');
    expect(text('#survey-recognition')).toBe(`认可口径：${LABEL}`);
    expect(text('#survey-recognition-source')).toBe(`依据：${SOURCE}`);
  });

  test('shows hidden cells as 样本不足 and no figure for them', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Act: a school's questions open on request.
    expect(document.querySelector('#question-jn-jingwei-ps-q9')).toBeNull();
    fireEvent.click(document.querySelector('#unit-toggle-jn-jingwei-ps')!);

    // Assess
    expect(text('#responses-jn-jingwei-ps')).toBe('样本不足');
    expect(document.querySelector('#rate-jn-jingwei-ps')).toBeNull();
    expect(text('#question-jn-jingwei-ps-q9')).toBe('2. 孩子参加了哪些课后服务样本不足');
    expect(text('#question-jn-jingwei-ps-q10')).toBe('3. 您有多大可能向亲友推荐本集团样本不足');
    expect(text(`#question-jn-jingwei-ps-${definition.questions[0].id}`)).toMatch(/^1\. .+样本不足$/);
    expect(document.querySelector('#question-jn-jingwei-ps-q9-bars')).toBeNull();
  });

  test('gives multiple choice the respondents as n, beside the ticks per option', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Assess: 3 of 4 respondents is 75 %, whatever the ticks add up to.
    expect(text('#question-jinan-shizhong-q9')).toContain('答题 4 人（可多选，百分比按答题人数计，合计可超过 100%）');
    expect(text('#question-jinan-shizhong-q9-bars-a')).toBe('体育3 人 · 75.0%');
  });

  test('gives likert the index with its 95 % interval, the satisfaction rate and each answer’s count and share', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');
    const id = `#question-jinan-shizhong-${definition.questions[0].id}`;

    // Assess: 8 of 12 满意 is 66.7 %; 不满意 (value 1) is 0 of 12.
    expect(text(id)).toContain('满意度指数 86.1（95% 置信区间 70.0–95.0）');
    expect(text(id)).toContain('满意率 91.7%');
    expect(text(id)).toContain('有效作答 12 人');
    expect(text(`${id}-bars-4`)).toBe('满意8 人 · 66.7%');
    expect(text(`${id}-bars-1`)).toBe('不满意0 人 · 0.0%');
  });

  test('gives NPS its score with promoters, passives and detractors, and single choice its distribution', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Assess
    expect(text('#question-jinan-shizhong-q10')).toContain('净推荐值 NPS 33.3');
    expect(text('#question-jinan-shizhong-q10')).toContain('= 推荐者 50.0% − 贬损者 16.7%（范围 −100 至 100），答题 12 人');
    expect(text('#question-jinan-shizhong-q10-bars-promoters')).toBe('推荐者（9–10 分）6 人 · 50.0%');
    expect(text('#question-jinan-shizhong-q10-bars-passives')).toBe('中立者（7–8 分）4 人 · 33.3%');
    expect(text('#question-jinan-shizhong-q10-bars-detractors')).toBe('贬损者（0–6 分）2 人 · 16.7%');
    expect(text('#question-jinan-shizhong-q11-bars-walk')).toBe('步行9 人 · 75.0%');
    expect(text('#question-jinan-shizhong-q11-bars-car')).toBe('私家车3 人 · 25.0%');
  });

  test('lists the approved texts without school or date, and links to 文字审核', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue(undefined as never);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');
    fireEvent.click(document.querySelector('#survey-moderation-link')!);

    // Assess
    expect(text('#texts-q12')).toBe('5. 您还有什么建议？共 2 条希望多组织家长开放日老师们辛苦了');
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/survey/moderation/index?id=sv-one' });
  });

  test('says 样本不足 for the texts while the district count is hidden', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue({ ...results, texts: { q12: hidden } });

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Assess
    expect(text('#texts-q12')).toBe('5. 您还有什么建议？样本不足');
  });

  test('gives the valid return rate with its coverage, or 在校家庭数有误', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Assess
    expect(text('#responses-jinan-shizhong')).toBe('答卷 42 份');
    expect(text('#rate-jinan-shizhong')).toBe('有效答卷 30 份，有效回收率 7.5%（低于 70%）（按 2/3 所学校计算）');
    expect(text('#rate-jn-jingbalu-ps')).toBe('有效答卷 12 份，在校家庭数有误');
  });

  test('claims no valid returns for a group whose schools have no 在校家庭数 yet', () => {
    // Prepare
    const rate = {
      status: 'no-enrollment',
      valid: 0,
      enrolledFamilies: null,
      rate: null,
      low: null,
      label: null,
      coverage: { coveredSchools: 0, schools: 3 },
    } as const;

    // Act
    const group = returnRateText('group', rate);
    const school = returnRateText('school', { ...rate, valid: 5, coverage: { coveredSchools: 0, schools: 1 } });

    // Assess
    expect(group).toBe('有效回收率：暂无（3 所学校均未填写在校家庭数）');
    expect(school).toBe('有效答卷 5 份，未填写在校家庭数');
  });

  test('says so when nothing is published yet, and when the district total is hidden', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValueOnce({ ...results, snapshot: { version: 0, takenAt: null, responses: null } });
    jest
      .mocked(getResults)
      .mockResolvedValueOnce({ ...results, snapshot: { version: 2, takenAt: '2026-11-30T06:00:00Z', responses: null } });

    // Act
    const first = render(<SurveyResultsPage />);
    const none = await screen.findByText('尚未发布数据：还没有学校达到最少答卷数');
    first.unmount();
    render(<SurveyResultsPage />);

    // Assess
    expect(none.id).toBe('survey-snapshot');
    expect((await screen.findByText('数据截至 2026-11-30 14:00，总份数样本不足')).id).toBe('survey-snapshot');
  });

  test('asks before closing the survey, and closes only when confirmed', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);
    jest.mocked(closeSurvey).mockResolvedValue({ id: 'sv-one', closesAt: '2026-12-01T00:00:00Z' });
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true });
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Act
    fireEvent.click(document.querySelector('#survey-close')!);
    await Promise.resolve();
    modal.mockResolvedValueOnce({ confirm: true, cancel: false });
    fireEvent.click(document.querySelector('#survey-close')!);

    // Assess
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(modal).toHaveBeenCalledTimes(2);
    expect(closeSurvey).toHaveBeenCalledTimes(1);
    expect(closeSurvey).toHaveBeenCalledWith('sv-one');
  });
});
