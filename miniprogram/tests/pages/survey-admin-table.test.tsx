import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { Me, SurveySummary } from '../../../shared';
import { listDistrictGroups } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { copySurveyToDraft, getSurveySettings, listDistrictSurveys, listSurveyDrafts } from '../../src/api/surveys';
import { saveSession } from '../../src/api/session-store';
import AdminSurveysPage from '../../src/packages/survey/admin/index';
import Taro, { clearStorage } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');
jest.mock('../../src/api/surveys');
// An office PC's browser: the page's lists take the desktop layout.
jest.mock('../../src/hooks/useWideScreen', () => ({ useWideScreen: () => true }));

const districtAdmin: Me = {
  userId: 'u1',
  roles: [{ role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } }],
  schools: [],
  teacher: null,
};
const survey = (id: string, title: string, status: SurveySummary['status']): SurveySummary => ({
  id,
  title,
  status,
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-12-31T15:59:59.000Z',
});

const byId = (id: string) =>
  waitFor(() => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`#${id} has not rendered yet: ${document.body.textContent}`);
    return found;
  });

describe('问卷管理 at desktop width', () => {
  beforeEach(() => {
    clearStorage();
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    jest.mocked(getMe).mockResolvedValue(districtAdmin);
    jest.mocked(listDistrictGroups).mockResolvedValue({ items: [] });
    jest.mocked(getSurveySettings).mockResolvedValue(null as never);
    jest.mocked(listSurveyDrafts).mockResolvedValue({ items: [] });
    jest.mocked(listDistrictSurveys).mockResolvedValue({
      items: [survey('sv-1', '家长满意度调查', 'open'), survey('sv-2', '督导测评', 'closed')],
    });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
    jest.restoreAllMocks();
  });

  test('lists the surveys as a table with their status, and a row opens its results', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    render(<AdminSurveysPage />);
    const row = await byId('admin-survey-sv-2');

    // Act
    tap(row);

    // Assess
    expect(document.querySelectorAll('.data-table__cell--head')).toHaveLength(5);
    expect(row.textContent).toContain('已截止');
    expect(navigateTo).toHaveBeenCalledWith({ url: expect.stringContaining('/packages/survey/results/index?id=sv-2') });
  });

  test('复制为新问卷 in a row copies the survey without opening its results', async () => {
    // Prepare
    const navigateTo = jest.spyOn(Taro, 'navigateTo');
    jest.mocked(copySurveyToDraft).mockResolvedValue({ id: 'd.jinan-shizhong.copy00000000' } as never);
    render(<AdminSurveysPage />);
    await screen.findByText('家长满意度调查');

    // Act
    tap(await byId('copy-survey-sv-1'));

    // Assess
    await waitFor(() => expect(copySurveyToDraft).toHaveBeenCalledWith('sv-1'));
    expect(navigateTo).not.toHaveBeenCalledWith({ url: expect.stringContaining('/packages/survey/results/') });
  });
});
