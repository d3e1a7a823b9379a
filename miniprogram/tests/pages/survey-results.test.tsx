import { render, screen } from '@testing-library/react';
import { SURVEY_TEMPLATES, type ResponseRate, type SurveyDefinition, type SurveyResults, type UnitResult } from '../../../shared';
import { getResults, getSurvey } from '../../src/api/surveys';
import SurveyResultsPage from '../../src/packages/survey/results/index';
import { returnRateText } from '../../src/packages/survey/results/results-text';
import { setRouterParams } from '../support/taro-shim';

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
      questions: { [definition.questions[0].id]: hidden, q9: hidden },
    }),
  ],
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

    // Assess
    expect(text('#responses-jn-jingwei-ps')).toBe('样本不足');
    expect(document.querySelector('#rate-jn-jingwei-ps')).toBeNull();
    expect(text('#question-jn-jingwei-ps-q9')).toBe('2. 孩子参加了哪些课后服务：样本不足');
    expect(text(`#question-jn-jingwei-ps-${definition.questions[0].id}`)).toMatch(/^1\. .+：样本不足$/);
  });

  test('gives multiple choice the respondents as n, beside the ticks per option', async () => {
    // Prepare
    jest.mocked(getResults).mockResolvedValue(results);

    // Act
    render(<SurveyResultsPage />);
    await screen.findByText('数据截至 2026-11-30 14:00，共 42 份');

    // Assess
    expect(text('#question-jinan-shizhong-q9')).toBe('2. 孩子参加了哪些课后服务：体育 3，艺术 3，科技 3，n = 4 人（可多选）');
    expect(text(`#question-jinan-shizhong-${definition.questions[0].id}`)).toContain('满意率 91.7%，n = 12');
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
});
