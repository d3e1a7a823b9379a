import { cleanup, render, screen, waitFor } from '@testing-library/react';
import type { Objection } from '../../../shared';
import { ApiError } from '../../src/api/api-error';
import { listObjections, resolveObjection, updateDraft } from '../../src/api/rotation';
import { BatchAdminRow } from '../../src/packages/rotation/admin/BatchAdminRow';
import { rotationBatch } from '../support/fixtures';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/rotation');

/** The server's 400 for one field, as request() turns it into an ApiError. */
const invalid = (path: string, message: string) => new ApiError('VALIDATION_FAILED', message, 400, [{ path, message }]);

const batch = rotationBatch;

const objection = (id: string): Objection =>
  ({
    id,
    text: '交流学校离家过远',
    teacherName: null,
    screening: 'pass',
    resolution: null,
    createdAt: '2026-11-24T02:00:00.000Z',
  }) as never;

const byId = (id: string) =>
  waitFor(() => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`#${id} has not rendered yet`);
    return found;
  });

describe('the 交流轮岗管理 rows show the server’s field-level message beside its field', () => {
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('修改 a draft: a refused 公示开始 date is said under that box, with the batch’s own id', async () => {
    // Prepare
    jest.mocked(updateDraft).mockRejectedValue(invalid('noticeStart', '公示开始日期格式应为 YYYY-MM-DD'));
    render(<BatchAdminRow batch={batch({})} canSeeObjections onChanged={() => undefined} />);
    tap(await screen.findByText('修改'));

    // Act
    tap(await screen.findByText('保存'));

    // Assess
    const message = await byId('error-rb-1-noticeStart');
    expect(message.textContent).toBe('公示开始日期格式应为 YYYY-MM-DD');
    expect(message.previousElementSibling?.className).toContain('draft-start');
  });

  test('记录 a resolution: the server’s reason is under that objection’s box only', async () => {
    // Prepare
    jest.mocked(listObjections).mockResolvedValue({ items: [objection('ob-1'), objection('ob-2')] });
    jest.mocked(resolveObjection).mockRejectedValue(invalid('resolution', '处理结果不超过 500 字'));
    render(<BatchAdminRow batch={batch({ status: 'publicizing' })} canSeeObjections onChanged={() => undefined} />);
    tap(await screen.findByText('查看异议'));
    const [first] = await screen.findAllByPlaceholderText('填写处理结果');
    await typeInto(first, '已与教师沟通');

    // Act
    tap((await screen.findAllByText('记录'))[0]);

    // Assess
    expect((await byId('error-ob-1-resolution')).textContent).toBe('处理结果不超过 500 字');
    expect(document.getElementById('error-ob-2-resolution')).toBeNull();
  });
});
