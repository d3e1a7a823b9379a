import { render, screen } from '@testing-library/react';
import type { NewsDetail } from '../../../shared';
import { getSchool } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { getNews } from '../../src/api/news';
import { getSurvey } from '../../src/api/surveys';
import NewsDetailPage from '../../src/packages/news/detail/index';
import AnswerSurveyPage from '../../src/packages/survey/answer/index';
import SchoolPage from '../../src/pages/school/index';
import { withMockedCatalog } from '../support/catalog-mocks';
import { jingbaluDetail, openParentSurvey } from '../support/fixtures';
import { setRouterParams, shareAppMessage, shareTimeline } from '../support/taro-shim';

jest.mock('../../src/api/catalog');
jest.mock('../../src/api/identity');
jest.mock('../../src/api/surveys');
jest.mock('../../src/api/news', () => ({ ...jest.requireActual('../../src/api/news'), getNews: jest.fn() }));

describe('a shared page’s card', () => {
  withMockedCatalog();

  test('opens the same school before its content arrives, and names it once loaded', async () => {
    // Prepare
    setRouterParams({ id: 'jn-jingbalu-ps' });
    let answer: (value: typeof jingbaluDetail) => void = () => undefined;
    jest.mocked(getSchool).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    render(<SchoolPage />);
    const early = shareAppMessage();

    // Act
    answer(jingbaluDetail);
    await screen.findByText('济南市经八路小学');

    // Assess
    expect(early).toEqual({ title: '学校信息', path: '/pages/school/index?id=jn-jingbalu-ps' });
    expect(shareAppMessage()).toEqual({ title: '济南市经八路小学 · 学校信息', path: '/pages/school/index?id=jn-jingbalu-ps' });
    expect(shareTimeline()).toEqual({ title: '济南市经八路小学 · 学校信息', query: 'id=jn-jingbalu-ps' });
  });

  test('of a news item shows its cover', async () => {
    // Prepare
    setRouterParams({ id: 'n1' });
    const news: NewsDetail = {
      id: 'n1',
      groupId: 'jn-jingwu',
      groupName: '经五教育集团',
      title: '开放日',
      summary: '',
      authorName: '办公室',
      cover: { id: 'img1', url: 'https://img.example/cover.png' },
      publishAt: '2026-11-23T08:00:00.000Z',
      pinned: false,
      status: 'published',
      readCount: 1,
      read: true,
      schoolIds: [],
      nodes: [],
      images: [],
    };
    jest.mocked(getNews).mockResolvedValue(news);

    // Act
    render(<NewsDetailPage />);
    await screen.findByText('开放日');

    // Assess
    expect(shareAppMessage()).toEqual({
      title: '开放日｜经五教育集团',
      path: '/packages/news/detail/index?id=n1',
      imageUrl: 'https://img.example/cover.png',
    });
  });

  test('of a survey keeps the school and offers no 朋友圈', async () => {
    // Prepare
    setRouterParams({ id: 'sv-one', school: 'jn-jingbalu-ps' });
    const definition = openParentSurvey();
    jest.mocked(getSurvey).mockResolvedValue({ id: 'sv-one', definition, status: 'open' });
    jest.mocked(getSchool).mockResolvedValue(jingbaluDetail);
    jest.mocked(getMe).mockResolvedValue({ userId: 'u1', roles: [{ role: 'parent', scope: null }], schools: [], teacher: null });

    // Act
    render(<AnswerSurveyPage />);
    await screen.findByText('济南市经八路小学', { exact: false });

    // Assess
    expect(shareAppMessage()).toEqual({
      title: `请填写问卷：${definition.title}（济南市经八路小学）`,
      path: '/packages/survey/answer/index?id=sv-one&school=jn-jingbalu-ps',
    });
    expect(shareTimeline()).toBeUndefined();
  });
});
