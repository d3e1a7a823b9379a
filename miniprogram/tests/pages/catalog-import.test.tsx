import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { CatalogImportPreview } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { getDistrictCatalog, importCatalog } from '../../src/api/catalog-admin';
import ImportPage from '../../src/packages/catalog/import/index';
import { pickSpreadsheet } from '../../src/utils/pick-spreadsheet';
import { districtCatalog } from '../support/catalog-admin-fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/catalog-admin');
jest.mock('../../src/utils/pick-spreadsheet');

const preview = (overrides: Partial<CatalogImportPreview> = {}): CatalogImportPreview => ({
  applied: false,
  basis: 'basis-of-the-preview',
  rows: 6,
  errors: [],
  changes: {
    groupsAdded: ['甲集团', '乙集团'],
    groupsChanged: [],
    schoolsAdded: ['一小', '二小', '三小', '四小', '五小', '六小'],
    schoolsChanged: [],
    moves: [],
    enrollmentsSet: 6,
  },
  ...overrides,
});
const applyButton = () => document.querySelector('#import-apply')!;

describe('the catalogue import page (导入 Excel)', () => {
  beforeEach(() => {
    setRouterParams({ district: 'd-370103' });
    jest.mocked(getDistrictCatalog).mockResolvedValue(districtCatalog());
    jest.mocked(pickSpreadsheet).mockResolvedValue({ name: '学校与集团.xlsx', format: 'xlsx', base64: 'UEs=' });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('lists every error of the preview as 第 N 行「列」 and keeps 确认导入 disabled', async () => {
    // Prepare
    const errors = [
      { row: 3, column: '学段', message: '请选择学段（小学/初中/…）' },
      { row: 5, column: '纬度', message: '纬度不在中国境内' },
    ];
    jest.mocked(importCatalog).mockResolvedValue(preview({ errors }));
    render(<ImportPage />);
    tap(await screen.findByText('选择文件'));
    await screen.findByText('学校与集团.xlsx');

    // Act
    tap(screen.getByText('预览'));

    // Assess
    await screen.findByText('2 处错误，请修改文件后重新预览（本次不会导入任何数据）');
    expect(Array.from(document.querySelectorAll('#import-preview .import-issue')).map((e) => e.textContent)).toEqual([
      '第 3 行「学段」：请选择学段（小学/初中/…）',
      '第 5 行「纬度」：纬度不在中国境内',
    ]);
    expect(applyButton().className).toContain('primary-button--idle');
    expect(applyButton().getAttribute('disabled')).not.toBeNull();
    tap(applyButton());
    expect(importCatalog).toHaveBeenCalledTimes(1);
    // The district has schools already: the import waits for the next term unless told otherwise.
    expect(jest.mocked(importCatalog).mock.calls[0]).toEqual([
      'd-370103',
      { format: 'xlsx', file: 'UEs=', fromTerm: '2026-2', apply: false, basis: undefined },
    ]);
  });

  test('shows the counts of a clean preview, then 确认导入 applies it and says so', async () => {
    // Prepare
    jest
      .mocked(importCatalog)
      .mockResolvedValueOnce(preview())
      .mockResolvedValueOnce(preview({ applied: true }));
    render(<ImportPage />);
    tap(await screen.findByText('选择文件'));
    await screen.findByText('学校与集团.xlsx');
    tap(screen.getByText('预览'));
    await screen.findByText('新增学校：6');

    // Act
    expect(applyButton().className).not.toContain('primary-button--idle');
    tap(applyButton());

    // Assess
    await screen.findByText('已导入 6 行，自所选学期起生效。');
    expect(screen.getByText('新增集团：2')).toBeTruthy();
    expect(screen.getByText('在校家庭数：6 所学校')).toBeTruthy();
    await waitFor(() =>
      expect(jest.mocked(importCatalog).mock.calls[1][1]).toMatchObject({ apply: true, fromTerm: '2026-2', basis: 'basis-of-the-preview' }),
    );
  });

  test('when the catalogue changed after the preview, says 请刷新后重试 and asks for a new preview', async () => {
    // Prepare
    jest
      .mocked(importCatalog)
      .mockResolvedValueOnce(preview())
      .mockRejectedValueOnce(new ApiError('CONFLICT', '请刷新后重试', 409));
    render(<ImportPage />);
    tap(await screen.findByText('选择文件'));
    await screen.findByText('学校与集团.xlsx');
    tap(screen.getByText('预览'));
    await screen.findByText('新增学校：6');

    // Act
    tap(applyButton());

    // Assess
    await screen.findByText('请刷新后重试：预览之后学校与集团已有改动，请重新预览后再导入');
    expect(screen.queryByText('新增学校：6')).toBeNull();
    expect(applyButton().getAttribute('disabled')).not.toBeNull();
  });
});
