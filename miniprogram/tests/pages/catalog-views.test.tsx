import { cleanup, render, screen } from '@testing-library/react';
import type { Me } from '../../../shared';
import { getDistrictCatalog, getGroupCatalog } from '../../src/api/catalog-admin';
import { getMe } from '../../src/api/identity';
import { saveSession } from '../../src/api/session-store';
import CatalogHomePage from '../../src/packages/catalog/home/index';
import GroupViewPage from '../../src/packages/catalog/group-view/index';
import { adminGroup, adminSchool, districtCatalog } from '../support/catalog-admin-fixtures';
import { clearStorage, setRouterParams } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/catalog-admin');
jest.mock('../../src/api/identity');

const admin = (role: 'district_admin' | 'group_admin', id: string, name: string): Me => ({
  userId: 'u1',
  roles: [{ role, scope: { type: role === 'district_admin' ? 'district' : 'group', id, name } }],
  schools: [],
  teacher: null,
});

describe('the catalogue views', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    setRouterParams({});
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('a district admin sees the term, each group with its lead and members this term, and archived schools greyed', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(admin('district_admin', 'd-370103', '市中区'));
    const catalog = districtCatalog();
    catalog.schools.push(adminSchool({ id: 's-old', name: '旧校', archivedAt: '2026-09-01T00:00:00.000Z' }));
    jest.mocked(getDistrictCatalog).mockResolvedValue(catalog);
    render(<CatalogHomePage />);

    // Act
    const term = await screen.findByText('当前学期：2026—2027学年第一学期');

    // Assess
    expect(term).toBeTruthy();
    expect(getDistrictCatalog).toHaveBeenCalledWith('d-370103');
    const jingwu = document.querySelector('#group-g-jingwu')!;
    expect(jingwu.textContent).toContain('牵头校：经五路小学');
    expect(jingwu.textContent).toContain('经八路小学（成员校）');
    expect(document.querySelector('#group-g-shunhe')!.textContent).toContain('共同发起');
    tap(screen.getByText('学校（4）'));
    const old = await screen.findByText('旧校');
    expect(old.closest('#school-s-old')!.className).toContain('catalog-archived');
    expect(old.closest('#school-s-old')!.textContent).toContain('已归档');
    await typeInto(document.querySelector('#school-filter')!, '经');
    await screen.findByText('经八路小学');
    expect(screen.queryByText('旧校')).toBeNull();
  });

  test('a group admin reads their own group with the same cards and no edit button', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(admin('group_admin', 'g-jingwu', '经五教育集团'));
    const { schools, memberships } = districtCatalog();
    jest.mocked(getGroupCatalog).mockResolvedValue({
      group: adminGroup(),
      currentTerm: '2026-1',
      schools: schools.slice(0, 2),
      memberships: memberships.slice(0, 2),
    });
    render(<GroupViewPage />);

    // Act
    await screen.findByText('当前学期：2026—2027学年第一学期');

    // Assess
    expect(getGroupCatalog).toHaveBeenCalledWith('g-jingwu');
    expect(document.querySelector('#group-g-jingwu')!.textContent).toContain('牵头校：经五路小学');
    expect(document.querySelector('#members-2026-1')!.textContent).toContain('经八路小学（成员校）');
    expect(document.querySelectorAll('taro-button-core')).toHaveLength(0);
    expect(document.querySelector('.catalog-card--link')).toBeNull();
  });
});
