import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import type { ComplianceUnit, Me } from '../../../shared';
import { createTeacher, listTeachers } from '../../src/api/admin';
import { ApiError } from '../../src/api/api-error';
import { getGroup, listDistrictGroups, searchSchools } from '../../src/api/catalog';
import { bindSchool, getMe } from '../../src/api/identity';
import {
  fileObjection,
  getCompliance,
  getRotationSettings,
  importBatch,
  listDistrictBatches,
  putRotationSettings,
} from '../../src/api/rotation';
import { saveSession } from '../../src/api/session-store';
import AdminTeachersPage from '../../src/packages/admin/teachers/index';
import MePage from '../../src/packages/me/index';
import RotationAdminPage from '../../src/packages/rotation/admin/index';
import CompliancePage from '../../src/packages/rotation/compliance/index';
import ObjectionPage from '../../src/packages/rotation/objection/index';
import { pickSpreadsheet } from '../../src/utils/pick-spreadsheet';
import { jingbaluHit, jingwuGroup, page } from '../support/fixtures';
import { clearStorage, setRouterParams } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/identity');
jest.mock('../../src/api/admin');
jest.mock('../../src/api/catalog');
jest.mock('../../src/api/rotation');
jest.mock('../../src/utils/pick-spreadsheet');

/** Types into the native <textarea> inside Taro's <Textarea>, as a user would. */
async function typeIntoTextarea(host: Element, value: string): Promise<void> {
  const textarea = await waitFor(() => {
    const native = host.querySelector('textarea');
    if (!native) throw new Error('Taro <Textarea> has not rendered its native textarea yet');
    return native;
  });
  act(() => {
    textarea.value = value;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** An element once it has rendered. */
const rendered = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    if (!found) throw new Error(`${selector} has not rendered yet`);
    return found;
  });

/** The server's 400 for one field, as request() turns it into an ApiError. */
const invalid = (path: string, message: string) => new ApiError('VALIDATION_FAILED', message, 400, [{ path, message }]);

/** The FieldError for `path`, once it has rendered. */
const fieldError = (path: string) =>
  waitFor(() => {
    const found = document.querySelector(`#error-${path.replace(/\./g, '-')}`);
    if (!found) throw new Error(`no message beside ${path} yet`);
    return found;
  });

const districtAdmin: Me = {
  userId: 'u1',
  roles: [
    { role: 'parent', scope: null },
    { role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } },
  ],
  schools: [],
  teacher: null,
};
const groupAdmin: Me = {
  ...districtAdmin,
  roles: [
    { role: 'parent', scope: null },
    { role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } },
  ],
};

describe('every form shows the server’s field-level message beside its field', () => {
  beforeEach(() => {
    clearStorage();
    process.env.TARO_APP_CLOUD_ENV = '';
    saveSession({ token: 'tok', expiresAt: new Date(Date.now() + 3600_000).toISOString() });
  });
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('提出异议: a text the server refuses gets its reason right under the text box', async () => {
    // Prepare
    setRouterParams({ batch: 'rb-1' });
    jest.mocked(fileObjection).mockRejectedValue(invalid('text', '异议内容不超过 500 字'));
    render(<ObjectionPage />);
    await typeIntoTextarea(document.querySelector('#objection-text')!, '名单有误');

    // Act
    tap(document.querySelector('#objection-submit')!);

    // Assess
    const message = await fieldError('text');
    expect(message.textContent).toBe('异议内容不超过 500 字');
    expect(message.previousElementSibling?.id).toBe('objection-text');
    expect(document.querySelector('#objection-error')).toBeNull();
  });

  test('导入交流轮岗名单: a bad 公示结束日期 is named under that field, not only in the summary', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(districtAdmin);
    jest.mocked(listDistrictGroups).mockResolvedValue({ items: [] });
    jest.mocked(listDistrictBatches).mockResolvedValue({ items: [] });
    jest.mocked(pickSpreadsheet).mockResolvedValue({ name: '名单.xlsx', format: 'xlsx', base64: 'UEs=' });
    jest.mocked(importBatch).mockRejectedValue(invalid('meta.noticeEnd', '公示结束日期不能早于开始日期'));
    render(<RotationAdminPage />);

    // Act
    tap(await screen.findByText('选择文件并导入'));

    // Assess
    const message = await fieldError('meta.noticeEnd');
    expect(message.textContent).toBe('公示结束日期不能早于开始日期');
    expect(message.previousElementSibling?.id).toBe('import-end');
    // Said once, beside its field; the line under the button says where to look.
    expect(document.querySelector('#import-message')!.textContent).toBe('请按标出的提示修改后重新导入');
    expect(screen.getAllByText('公示结束日期不能早于开始日期')).toHaveLength(1);
  });

  test('达标标准与公示日历: a bad holiday line is reported under the holidays box', async () => {
    // Prepare
    setRouterParams({ districtId: 'jinan-shizhong' });
    jest.mocked(getCompliance).mockResolvedValue({
      districtId: 'jinan-shizhong',
      schoolYear: '2026-2027',
      thresholds: { rotatingPct: 10, backbonePct: 20 },
      units: [],
    });
    jest.mocked(getRotationSettings).mockResolvedValue({ rotatingPct: 10, backbonePct: 20, holidays: [], makeupWorkdays: [] });
    jest.mocked(putRotationSettings).mockRejectedValue(invalid('holidays.1', '日期格式应为 YYYY-MM-DD'));
    render(<CompliancePage />);
    const save = await screen.findByText('保存设置');

    // Act
    tap(save);

    // Assess
    const message = await fieldError('holidays');
    expect(message.textContent).toBe('日期格式应为 YYYY-MM-DD');
    expect(message.previousElementSibling?.id).toBe('settings-holidays');
    expect(document.querySelector('#error-rotatingPct')).toBeNull();
  });

  test('登记教师: the server’s reason about the name is shown under the name box', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue(groupAdmin);
    jest.mocked(getGroup).mockResolvedValue(jingwuGroup);
    jest.mocked(listDistrictGroups).mockResolvedValue({ items: [] });
    jest.mocked(listTeachers).mockResolvedValue({ items: [] });
    jest.mocked(createTeacher).mockRejectedValue(invalid('name', '姓名不超过 30 字'));
    render(<AdminTeachersPage />);
    await screen.findByText('还没有登记教师');
    await typeInto(document.querySelector('#teacher-name')!, '钱老师');

    // Act
    tap(document.querySelector('#teacher-add')!);

    // Assess
    const message = await fieldError('name');
    expect(message.textContent).toBe('姓名不超过 30 字');
    expect(message.previousElementSibling?.id).toBe('teacher-name');
  });

  test('我的 → 添加学校: a refused binding says why right under the school search box', async () => {
    // Prepare
    jest.mocked(getMe).mockResolvedValue({ ...districtAdmin, roles: [{ role: 'parent', scope: null }] });
    jest.mocked(searchSchools).mockResolvedValue(page([jingbaluHit]));
    jest.mocked(bindSchool).mockRejectedValue(new ApiError('TOO_MANY_SCHOOLS', '最多绑定 5 所学校，请先解除一所', 409));
    render(<MePage />);
    await typeInto(await rendered('#bind-school-input'), '经八路');

    // Act
    tap(await screen.findByText(`+ ${jingbaluHit.name}`));

    // Assess
    const message = await fieldError('schoolId');
    expect(message.textContent).toBe('最多绑定 5 所学校，请先解除一所');
    expect(message.previousElementSibling?.id).toBe('bind-school-input');
  });
});

describe('the compliance page before anyone has entered 应交流教师', () => {
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('shows a school without a count as 待填写, never 未达标, and one that misses as 未达标', async () => {
    // Prepare
    setRouterParams({ districtId: 'jinan-shizhong' });
    const base: Omit<ComplianceUnit, 'id' | 'name'> = {
      level: 'school',
      eligible: null,
      rotating: 0,
      backbone: 0,
      rotatingShare: null,
      backboneShare: null,
      rotatingRequired: null,
      rotatingShortfall: null,
      backboneRequired: 0,
      backboneShortfall: 0,
      rotatingShortfallText: '',
      backboneShortfallText: '',
      flagged: false,
    };
    jest.mocked(getCompliance).mockResolvedValue({
      districtId: 'jinan-shizhong',
      schoolYear: '2026-2027',
      thresholds: { rotatingPct: 10, backbonePct: 20 },
      units: [
        { ...base, id: 'jn-jingbalu-ps', name: '济南市经八路小学' },
        {
          ...base,
          id: 'jn-jingwei-ps',
          name: '济南市经纬小学',
          eligible: 84,
          rotating: 6,
          rotatingShortfall: 3,
          rotatingShortfallText: '还需 3 名',
          flagged: true,
        },
      ],
    });
    jest.mocked(getRotationSettings).mockResolvedValue({ rotatingPct: 10, backbonePct: 20, holidays: [], makeupWorkdays: [] });

    // Act
    render(<CompliancePage />);

    // Assess
    await screen.findByText('学校 · 济南市经八路小学');
    const pending = document.querySelector('#compliance-jn-jingbalu-ps')!;
    expect(pending.textContent).toContain('待填写');
    expect(pending.textContent).not.toContain('未达标');
    expect(pending.querySelector('.rotation-flag')).toBeNull();
    expect(document.querySelector('#compliance-jn-jingwei-ps .rotation-flag')!.textContent).toBe('未达标');
  });
});
