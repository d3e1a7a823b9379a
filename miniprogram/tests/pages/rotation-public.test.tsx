import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ComplianceUnit, RotationBatch } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { listDistricts } from '../../src/api/catalog';
import { getCompliance, getRotationSettings, listBatches, putEligibleTeachers, putRotationSettings } from '../../src/api/rotation';
import { resetDistrictCache } from '../../src/hooks/useDistricts';
import CompliancePage from '../../src/packages/rotation/compliance/index';
import RotationListPage from '../../src/packages/rotation/list/index';
import { setRouterParams } from '../support/taro-shim';
import { rotationBatch } from '../support/fixtures';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/catalog');
jest.mock('../../src/api/rotation');

const published: RotationBatch = rotationBatch({ status: 'publicizing', assignmentCount: 12 });
const unit = (overrides: Partial<ComplianceUnit>): ComplianceUnit => ({
  level: 'school',
  id: 'jn-jingbalu-ps',
  name: '济南市经八路小学',
  eligible: 84,
  rotating: 6,
  backbone: 1,
  rotatingShare: 6 / 84,
  backboneShare: 1 / 6,
  rotatingRequired: 9,
  rotatingShortfall: 3,
  backboneRequired: 2,
  backboneShortfall: 1,
  rotatingShortfallText: '还需 3 名',
  backboneShortfallText: '还需 1 名',
  flagged: true,
  ...overrides,
});

describe('rotation pages', () => {
  beforeEach(() => {
    resetDistrictCache();
    jest.mocked(listDistricts).mockResolvedValue({
      items: [{ id: 'jinan-shizhong', name: '市中区', city: '济南市', province: '山东省', groupCount: 1, schoolCount: 1 }],
    } as never);
    jest.mocked(getRotationSettings).mockResolvedValue({ rotatingPct: 10, backbonePct: 20, holidays: [], makeupWorkdays: [] });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test("the 公示 list shows a district's batches with status, period and head count", async () => {
    setRouterParams({ districtId: 'jinan-shizhong' });
    jest.mocked(listBatches).mockResolvedValue({ items: [published] });
    render(<RotationListPage />);
    await screen.findByText('2026 学年交流轮岗');
    expect(screen.getByText('公示中 · 公示期 2026-11-23 至 2026-11-30 · 12 人')).toBeTruthy();
    expect(listBatches).toHaveBeenCalledWith({ districtId: 'jinan-shizhong' });
  });

  test('the 公示 list says when there is nothing, and offers 重试 after an error', async () => {
    setRouterParams({ groupId: 'jn-jingwu' });
    jest
      .mocked(listBatches)
      .mockRejectedValueOnce(new ApiError('NETWORK', '网络不可用，请检查网络后重试', 0))
      .mockResolvedValue({ items: [] });
    render(<RotationListPage />);
    await screen.findByText('网络不可用，请检查网络后重试');
    tap(document.querySelector('#retry-button')!);
    await screen.findByText('暂无交流轮岗公示');
    expect(listBatches).toHaveBeenLastCalledWith({ groupId: 'jn-jingwu' });
  });

  test('the compliance page shows shares, shortfalls and flags, and saves an eligible count', async () => {
    // Prepare
    setRouterParams({ districtId: 'jinan-shizhong' });
    jest.mocked(getCompliance).mockResolvedValue({
      districtId: 'jinan-shizhong',
      schoolYear: '2026-2027',
      thresholds: { rotatingPct: 10, backbonePct: 20 },
      units: [
        unit({
          level: 'group',
          id: 'jn-jingwu',
          name: '经五教育集团',
          eligible: 50,
          rotating: 5,
          backbone: 1,
          rotatingShare: 0.1,
          backboneShare: 0.2,
          rotatingShortfallText: '',
          backboneShortfallText: '',
          flagged: false,
        }),
        unit({}),
      ],
    });
    jest.mocked(putEligibleTeachers).mockResolvedValue({ schoolId: 'jn-jingbalu-ps', schoolYear: '2026-2027', eligible: 90 });
    render(<CompliancePage />);
    // Assess
    await screen.findByText('标准：交流人数 ≥ 应交流教师 10%，骨干 ≥ 交流人数 20%');
    const school = document.querySelector('#compliance-jn-jingbalu-ps')!;
    expect(school.querySelector('.data-card__title')!.textContent).toBe('学校 · 济南市经八路小学');
    expect(school.textContent).toContain('交流6 人（7.1%） · 还需 3 名');
    expect(school.textContent).toContain('骨干1 人（16.7%） · 骨干还需 1 名');
    expect(school.textContent).toContain('未达标');
    expect(document.querySelector('#compliance-jn-jingwu')!.textContent).toContain('达标');
    expect(document.querySelector('#compliance-jn-jingwu input')).toBeNull();
    // Act
    await typeInto(school, '90');
    tap(school.querySelector('.rotation-actions taro-button-core, .rotation-actions button')!);
    // Assess
    await waitFor(() => expect(putEligibleTeachers).toHaveBeenCalledWith('jn-jingbalu-ps', expect.stringMatching(/^\d{4}-\d{4}$/), 90));
  });

  test('the compliance page saves the thresholds with the holidays and 调休 days it was given, not reset', async () => {
    // Prepare
    setRouterParams({ districtId: 'jinan-shizhong' });
    jest.mocked(getCompliance).mockResolvedValue({
      districtId: 'jinan-shizhong',
      schoolYear: '2026-2027',
      thresholds: { rotatingPct: 10, backbonePct: 20 },
      units: [],
    });
    const settings = { rotatingPct: 10, backbonePct: 20, holidays: ['2026-10-01', '2026-10-02'], makeupWorkdays: ['2026-09-27'] };
    jest.mocked(getRotationSettings).mockResolvedValue(settings);
    jest.mocked(putRotationSettings).mockResolvedValue({ ...settings, rotatingPct: 15 });
    render(<CompliancePage />);
    const form = await waitFor(() => {
      const found = document.querySelector('.rotation-settings');
      if (!found) throw new Error('settings not shown yet');
      return found;
    });
    // Act
    await typeInto(form.querySelector('#settings-rotating')!, '15');
    tap(form.querySelector('#settings-save')!);
    // Assess
    await waitFor(() =>
      expect(putRotationSettings).toHaveBeenCalledWith('jinan-shizhong', {
        rotatingPct: 15,
        backbonePct: 20,
        holidays: ['2026-10-01', '2026-10-02'],
        makeupWorkdays: ['2026-09-27'],
      }),
    );
    await waitFor(() => expect(getCompliance).toHaveBeenCalledTimes(2));
  });
});
