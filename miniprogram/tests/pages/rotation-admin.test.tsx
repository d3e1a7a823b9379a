import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { Me } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { listDistrictGroups } from '../../src/api/catalog';
import { getMe } from '../../src/api/identity';
import { importBatch, listDistrictBatches, publishBatch } from '../../src/api/rotation';
import { saveSession } from '../../src/api/session-store';
import { pickSpreadsheet } from '../../src/utils/pick-spreadsheet';
import RotationAdminPage from '../../src/packages/rotation/admin/index';
import { clearStorage } from '../support/taro-shim';
import { rotationBatch } from '../support/fixtures';
import { tap } from '../support/taro-events';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/catalog');
jest.mock('../../src/api/rotation');
jest.mock('../../src/utils/pick-spreadsheet');

const districtAdmin: Me = {
  userId: 'u1',
  roles: [{ role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } }],
  schools: [],
  teacher: null,
};
const batch = rotationBatch;

describe('the 交流轮岗管理 page', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
    jest.mocked(getMe).mockResolvedValue(districtAdmin);
    jest.mocked(listDistrictGroups).mockResolvedValue({ items: [{ id: 'jn-jingwu', name: '经五教育集团' } as never] });
    jest.mocked(pickSpreadsheet).mockResolvedValue({ name: '名单.xlsx', format: 'xlsx', base64: 'UEs=' });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('shows every bad cell of a refused import with its row and column, and keeps the form', async () => {
    // Prepare
    jest.mocked(listDistrictBatches).mockResolvedValue({ items: [] });
    const issues = [
      { row: 3, column: '原学校', message: '本区没有名为“某某学校”的学校' },
      { row: 5, column: '结束月份', message: '交流期限须为 1–6 年' },
    ];
    jest
      .mocked(importBatch)
      .mockRejectedValue(new ApiError('IMPORT_INVALID', '导入未完成：2 行有错误，请修改后重新上传（本次未导入任何数据）', 400, { issues }));
    render(<RotationAdminPage />);
    // Act
    tap(await screen.findByText('选择文件并导入'));
    // Assess
    await screen.findByText('导入未完成：2 行有错误，请修改后重新上传（本次未导入任何数据）');
    expect(Array.from(document.querySelectorAll('.import-issue')).map((e) => e.textContent)).toEqual([
      '第 3 行「原学校」：本区没有名为“某某学校”的学校',
      '第 5 行「结束月份」：交流期限须为 1–6 年',
    ]);
    expect(jest.mocked(importBatch).mock.calls[0][0]).toMatchObject({
      districtId: 'jinan-shizhong',
      groupId: null,
      title: '名单',
      supersedes: null,
    });
    expect(screen.getByText('暂无批次，请先导入名单')).toBeTruthy();
  });

  test('imports for one group as a correction of a published batch, then lists the new draft with 发布公示', async () => {
    // Prepare
    const published = batch({ id: 'rb-old', title: '原批次', status: 'publicizing' });
    const draft = batch({ id: 'rb-new', title: '更正批次', supersedes: 'rb-old' });
    jest
      .mocked(listDistrictBatches)
      .mockResolvedValueOnce({ items: [published] })
      .mockResolvedValue({ items: [draft, published] });
    jest.mocked(importBatch).mockResolvedValue({ batch: draft });
    jest.mocked(publishBatch).mockResolvedValue({ batch: { ...draft, status: 'publicizing' } });
    render(<RotationAdminPage />);
    // Act
    tap(await screen.findByText('经五教育集团'));
    tap(document.querySelector('#import-corrects-rb-old')!);
    tap(screen.getByText('选择文件并导入'));
    // Assess
    await screen.findByText('已导入草稿“更正批次”，共 3 人；公示期 2026-11-23 至 2026-11-30。请核对后发布。');
    expect(jest.mocked(importBatch).mock.calls[0]).toEqual([
      expect.objectContaining({ groupId: 'jn-jingwu', supersedes: 'rb-old' }),
      'xlsx',
      'UEs=',
    ]);
    await waitFor(() => expect(document.querySelector('#batch-rb-new .batch-publish')).not.toBeNull());
    tap(document.querySelector('#batch-rb-new .batch-publish')!);
    await waitFor(() => expect(publishBatch).toHaveBeenCalledWith('rb-new'));
    // A published batch offers no 发布 and no 修改.
    expect(document.querySelector('#batch-rb-old .batch-publish')).toBeNull();
    expect(document.querySelector('#batch-rb-old .batch-edit')).toBeNull();
  });
});
