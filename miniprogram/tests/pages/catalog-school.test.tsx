import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../src/api/api-error';
import { getDistrictCatalog, updateSchool } from '../../src/api/catalog-admin';
import SchoolPage from '../../src/packages/catalog/school/index';
import { adminSchool, districtCatalog } from '../support/catalog-admin-fixtures';
import { setRouterParams } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/catalog-admin');

const saveButton = () => document.querySelector('#school-save')!;

describe('the school edit form (学校与集团 → 编辑学校)', () => {
  beforeEach(() => {
    setRouterParams({ district: 'd-370103', id: 's-jingbalu' });
    jest.mocked(getDistrictCatalog).mockResolvedValue(districtCatalog());
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('keeps 保存 grey until a field differs, then shows the server’s message right under the field it names', async () => {
    // Prepare
    jest
      .mocked(updateSchool)
      .mockRejectedValue(
        new ApiError('VALIDATION_FAILED', '请求参数不正确', 400, [{ path: 'phone', message: '电话格式不正确，如 0531-86012345' }]),
      );
    render(<SchoolPage />);
    await screen.findByText('保存');
    expect(saveButton().className).toContain('primary-button--idle');

    // Act
    await typeInto(document.querySelector('#school-phone')!, '86-abc');
    await waitFor(() => expect(saveButton().className).not.toContain('primary-button--idle'));
    tap(saveButton());

    // Assess
    const message = await screen.findByText('电话格式不正确，如 0531-86012345');
    expect(message.id).toBe('error-phone');
    // Beside its own field: in the phone field's block, right after the input.
    expect(message.previousElementSibling?.id).toBe('school-phone');
    expect(document.querySelector('#error-name')).toBeNull();
    expect(jest.mocked(updateSchool).mock.calls[0]).toEqual([
      's-jingbalu',
      expect.objectContaining({ name: '经八路小学', phone: '86-abc', version: 3, location: { lat: 36.65, lng: 117 } }),
    ]);
  });

  test('answers a stale version (409 CONFLICT) with 请刷新后重试, and 刷新 loads what the other admin saved', async () => {
    // Prepare
    jest.mocked(updateSchool).mockRejectedValue(new ApiError('CONFLICT', '请刷新后重试', 409));
    render(<SchoolPage />);
    await screen.findByText('保存');
    await typeInto(document.querySelector('#school-name')!, '经八路小学（本部）');
    await waitFor(() => expect(saveButton().className).not.toContain('primary-button--idle'));

    // Act
    tap(saveButton());
    const notice = await screen.findByText('请刷新后重试');
    jest
      .mocked(getDistrictCatalog)
      .mockResolvedValue(districtCatalog({ schools: [adminSchool({ name: '济南市经八路小学', version: 4 })] }));
    tap(document.querySelector('#conflict-refresh')!);

    // Assess
    expect(notice.closest('#save-conflict')).not.toBeNull();
    await waitFor(() => expect(document.querySelector('#school-name')?.getAttribute('value')).toBe('济南市经八路小学'));
    expect(getDistrictCatalog).toHaveBeenCalledTimes(2);
    expect(document.querySelector('#save-conflict')).toBeNull();
    expect(saveButton().className).toContain('primary-button--idle');
  });
});
