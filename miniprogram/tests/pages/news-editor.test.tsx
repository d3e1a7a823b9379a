import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { ApiError } from '../../src/api/api-error';
import { createNews } from '../../src/api/news';
import NewsEditorPage from '../../src/packages/news/admin/edit/index';
import { setRouterParams } from '../support/taro-shim';
import { tap, typeInto } from '../support/taro-events';

jest.mock('../../src/api/news', () => ({ ...jest.requireActual('../../src/api/news'), createNews: jest.fn() }));

/** Types into the native <textarea> inside Taro's <Textarea>, as a user would. */
async function typeIntoTextarea(host: Element, value: string): Promise<void> {
  const textarea = await waitFor(() => {
    const native = host.querySelector('textarea');
    if (!native) throw new Error('Taro <Textarea> has not rendered its native textarea yet');
    return native;
  });
  act(() => {
    textarea.value = value;
    textarea.setSelectionRange(value.length, value.length);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const bodyValue = () => document.querySelector<HTMLTextAreaElement>('#news-body-input textarea')?.value;

describe('the news editor (编辑动态)', () => {
  beforeEach(() => setRouterParams({ group: 'jn-jingwu' }));
  afterEach(() => {
    cleanup();
    jest.resetAllMocks();
  });

  test('shows the server’s 请填写作者 right under the author field, and says it above the buttons', async () => {
    // Prepare
    jest
      .mocked(createNews)
      .mockRejectedValue(new ApiError('VALIDATION_FAILED', '请填写作者', 400, [{ path: 'authorName', message: '请填写作者' }]));
    render(<NewsEditorPage />);
    await typeInto(await screen.findByText((_, e) => e?.id === 'news-title-input'), '秋季运动会');

    // Act
    tap(document.querySelector('#news-save')!);

    // Assess
    const message = await waitFor(() => {
      const found = document.querySelector('#error-authorName');
      if (!found) throw new Error('no field error yet');
      return found;
    });
    expect(message.textContent).toBe('请填写作者');
    expect(message.previousElementSibling?.id).toBe('news-author-input');
    expect(document.querySelector('#news-problem')!.textContent).toBe('请填写作者');
    expect(document.querySelector('#error-title')).toBeNull();
    expect(jest.mocked(createNews).mock.calls[0]).toEqual(['jn-jingwu', expect.objectContaining({ title: '秋季运动会', authorName: '' })]);
  });

  test('标题 and 加粗 write the Markdown, and the live preview shows a heading and bold text as readers will', async () => {
    // Prepare
    render(<NewsEditorPage />);
    const body = await screen.findByText((_, e) => e?.id === 'news-body-input');
    await typeIntoTextarea(body, '赛程');

    // Act
    tap(document.querySelector('#md-heading')!);
    await waitFor(() => expect(bodyValue()).toBe('## 赛程'));
    await typeIntoTextarea(body, '## 赛程\n\n集体项目');
    tap(document.querySelector('#md-bold')!);

    // Assess
    await waitFor(() => expect(bodyValue()).toBe('## 赛程\n\n集体项目**加粗文字**'));
    const preview = document.querySelector('#news-live-preview')!;
    // Taro's <RichText> is a web component that renders its nodes a tick after React commits, so an
    // earlier render (the heading alone) can still be on screen: wait for the whole final preview.
    await waitFor(() => {
      expect(preview.innerHTML).toContain('赛程');
      expect(preview.innerHTML).toContain('<strong');
    });
    expect(preview.innerHTML).toMatch(/<h3[^>]*>赛程<\/h3>/);
    expect(preview.innerHTML).toMatch(/<strong[^>]*>加粗文字<\/strong>/);
  });
});
