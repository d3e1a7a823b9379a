import { act, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { NewsPage, NewsSummary } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { listGroupNews, listMyNews } from '../../src/api/news';
import NewsListPage from '../../src/packages/news/list/index';
import { pullDown, reachBottom, setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/news', () => ({ ...jest.requireActual('../../src/api/news'), listMyNews: jest.fn(), listGroupNews: jest.fn() }));

const item = (id: string, extra: Partial<NewsSummary> = {}): NewsSummary => ({
  id,
  groupId: 'jn-jingwu',
  groupName: '经五教育集团',
  title: `动态${id}`,
  summary: '',
  authorName: '办公室',
  cover: null,
  publishAt: '2026-11-23T08:00:00.000Z',
  pinned: false,
  status: 'published',
  readCount: 3,
  read: false,
  ...extra,
});
const page = (items: NewsSummary[], nextCursor: string | null): NewsPage => ({ items, nextCursor });
const titles = () => Array.from(document.querySelectorAll('.news-card__title')).map((e) => e.textContent);

describe('the news list pages', () => {
  afterEach(() => jest.resetAllMocks());

  test('我的动态 shows pinned, 未读 and 已读 items with their group, then loads the next page at the bottom', async () => {
    // Prepare
    setRouterParams({});
    jest
      .mocked(listMyNews)
      .mockResolvedValueOnce(page([item('a', { pinned: true }), item('b', { read: true })], 'c1'))
      .mockResolvedValueOnce(page([item('c')], null));
    render(<NewsListPage />);
    await screen.findByText('动态a');

    // Act
    await act(async () => reachBottom());

    // Assess
    await waitFor(() => expect(titles()).toEqual(['动态a', '动态b', '动态c']));
    expect(listMyNews).toHaveBeenLastCalledWith('c1');
    expect(document.querySelector('#news-a .tag')!.textContent).toBe('置顶');
    expect(document.querySelector('#news-a .news-card__unread')).not.toBeNull();
    expect(document.querySelector('#news-b .news-card__read')!.textContent).toBe('已读');
    expect(document.querySelector('#news-a .news-card__meta')!.textContent).toBe('经五教育集团 · 2026-11-23 16:00 · 阅读 3');
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  test('a group list says so when empty, and a pull-down refresh loads it again', async () => {
    // Prepare
    setRouterParams({ group: 'jn-jingwu' });
    jest
      .mocked(listGroupNews)
      .mockResolvedValueOnce(page([], null))
      .mockResolvedValueOnce(page([item('new')], null));
    const stop = jest.spyOn(Taro, 'stopPullDownRefresh');
    render(<NewsListPage />);
    await screen.findByText('本集团暂无动态');

    // Act
    await act(async () => pullDown());

    // Assess
    await screen.findByText('动态new');
    expect(listGroupNews).toHaveBeenCalledWith('jn-jingwu', null);
    await waitFor(() => expect(stop).toHaveBeenCalled());
    // A group list does not repeat the group's name on every card.
    expect(document.querySelector('.news-card__meta')!.textContent).toBe('2026-11-23 16:00 · 阅读 3');
  });

  test('shows the server’s message on failure, and 重试 loads again', async () => {
    // Prepare
    setRouterParams({});
    jest
      .mocked(listMyNews)
      .mockRejectedValueOnce(new ApiError('UNAUTHENTICATED', '请先登录', 401))
      .mockResolvedValueOnce(page([item('x')], null));
    render(<NewsListPage />);
    await screen.findByText('请先登录');

    // Act
    tap(document.querySelector('#retry-button')!);

    // Assess
    await screen.findByText('动态x');
  });
});
