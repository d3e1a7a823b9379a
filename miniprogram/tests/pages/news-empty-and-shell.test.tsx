import { cleanup, render, screen } from '@testing-library/react';
import type { Me } from '../../../shared';
import { getMe } from '../../src/api/identity';
import { listMyNews } from '../../src/api/news';
import { saveSession } from '../../src/api/session-store';
import { backTarget } from '../../src/components/h5-nav/nav-target';
import { DataTable } from '../../src/components/data-table/DataTable';
import NewsListPage from '../../src/packages/news/list/index';
import { clearStorage, setRouterParams } from '../support/taro-shim';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/news', () => ({ ...jest.requireActual('../../src/api/news'), listMyNews: jest.fn() }));

const parent = (schools: Me['schools']): Me => ({ userId: 'u1', roles: [{ role: 'parent', scope: null }], schools, teacher: null });

describe('an empty 我的动态', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    setRouterParams({});
    jest.mocked(listMyNews).mockResolvedValue({ items: [], nextCursor: null });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('tells a parent with a bound school there is no news yet, not to bind a school', async () => {
    // Prepare
    jest
      .mocked(getMe)
      .mockResolvedValue(
        parent([{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: '2026-11-23T00:00:00Z' }]),
      );

    // Act
    render(<NewsListPage />);

    // Assess
    expect(await screen.findByText('没有新动态：你的学校所在集团还没有发布动态')).toBeTruthy();
    expect(screen.queryByText(/绑定学校/)).toBeNull();
  });

  test('still asks a parent without a school to bind one in 我的', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(parent([]));

    // Act
    render(<NewsListPage />);

    // Assess
    expect(await screen.findByText('你的学校所在集团暂无动态；可在「我的」中绑定学校')).toBeTruthy();
  });
});

describe('the H5 shell', () => {
  test('the back button is hidden on 首页, goes back with history, and goes 首页 from a link opened cold', () => {
    // Prepare, Act, Assess: the route and how many pages are open decide it.
    expect(backTarget('pages/home/index', 1)).toBe('none');
    expect(backTarget('/pages/home/index', 3)).toBe('none');
    expect(backTarget('packages/news/detail/index', 2)).toBe('back');
    expect(backTarget('packages/news/detail/index', 1)).toBe('home');
  });

  test('DataTable shows a header row and cells as a table, and label：value lines as cards', () => {
    // Prepare
    const rows = [{ id: 'a', name: '经五教育集团', count: 3 }];
    const columns = [
      { key: 'name', title: '名称', render: (r: (typeof rows)[number]) => r.name },
      { key: 'count', title: '学校数', render: (r: (typeof rows)[number]) => String(r.count) },
    ];

    // Act
    const table = render(<DataTable layout="table" rows={rows} columns={columns} rowKey={(r) => r.id} rowId={(r) => `row-${r.id}`} />);
    const headers = Array.from(table.container.querySelectorAll('.data-table__cell--head')).map((e) => e.textContent);
    const cells = Array.from(table.container.querySelectorAll('#row-a .data-table__cell')).map((e) => e.textContent);
    table.unmount();
    const cards = render(<DataTable layout="cards" rows={rows} columns={columns} rowKey={(r) => r.id} rowId={(r) => `row-${r.id}`} />);

    // Assess
    expect(headers).toEqual(['名称', '学校数']);
    expect(cells).toEqual(['经五教育集团', '3']);
    expect(cards.container.querySelector('#row-a .data-card__title')!.textContent).toBe('经五教育集团');
    expect(cards.container.querySelector('#row-a .data-card__line')!.textContent).toBe('学校数3');
  });
});
