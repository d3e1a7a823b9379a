import path from 'node:path';
import { startTestApi } from '../support/test-api';
import { forwardWxRequest } from './support/forward-wx-request';
import { type SimNode, type SimPage, type Simulate, until } from './support/simulate';
import { installWeappHost, launchApp, openingPage } from './support/weapp-host';

/**
 * The PRODUCTION weapp build's admin subpackage page, logged in as the demo group admin,
 * against the real API: a teacher is registered, an invite code made, and copying it (a
 * private API: the clipboard) makes WeChat ask for privacy consent. The app registered one
 * wx.onNeedPrivacyAuthorization listener at launch; the sheet must appear on THIS page (the
 * App's own output is never displayed in WeChat) and the agree button must answer WeChat.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');
const SESSION_KEY = 'jituan.session';

type Resolve = (answer: { buttonId?: string; event: string }) => void;
type Wx = Record<string, unknown>;

/** The bits of WeChat that matter here, faked on simulate's `wx`: storage, privacy, clipboard. */
function fakeWeChat(wx: Wx) {
  const storage = new Map<string, unknown>();
  wx.getStorageSync = (key: string) => storage.get(key) ?? '';
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.removeStorageSync = (key: string) => void storage.delete(key);

  const listeners: Array<(resolve: Resolve, info: { referrer: string }) => void> = [];
  const answers: Array<{ buttonId?: string; event: string }> = [];
  let agreed = false;
  wx.onNeedPrivacyAuthorization = (listener: (typeof listeners)[number]) => void listeners.push(listener);
  const clipboard: string[] = [];
  // Like WeChat: a private API waits for the app's answer before it runs (or fails).
  wx.setClipboardData = (options: {
    data: string;
    success?: (r: unknown) => void;
    fail?: (e: unknown) => void;
    complete?: (r: unknown) => void;
  }) => {
    const run = () => {
      clipboard.push(options.data);
      const ok = { errMsg: 'setClipboardData:ok' };
      options.success?.(ok);
      options.complete?.(ok);
    };
    if (agreed) return run();
    listeners.at(-1)?.(
      (answer) => {
        answers.push(answer);
        agreed = answer.event === 'agree';
        if (agreed) return run();
        const refused = { errMsg: 'setClipboardData:fail privacy permission is not authorized' };
        options.fail?.(refused);
        options.complete?.(refused);
      },
      { referrer: 'setClipboardData' },
    );
  };
  return { storage, listeners, answers, clipboard };
}

describe('the weapp build’s 教师与邀请码 page', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let simulate: Simulate;
  let wechat: ReturnType<typeof fakeWeChat>;
  let requests: { urls: string[] };
  let page: SimPage;

  beforeAll(async () => {
    api = await startTestApi();
    installWeappHost();
    simulate = require('miniprogram-simulate');
    const wx = (globalThis as unknown as { wx: Wx }).wx;
    requests = forwardWxRequest(wx, api.url);
    wechat = fakeWeChat(wx);
    // A live session of the demo group admin (经五教育集团), as if logged in before.
    const login = await fetch(`${api.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'group_admin', groupIds: ['jn-jingwu'] }),
    });
    const session = (await login.json()) as { token: string; expiresAt: string };
    wechat.storage.set(SESSION_KEY, { token: session.token, expiresAt: session.expiresAt });
    launchApp(DIST);
  });

  afterAll(async () => {
    page?.detach();
    await api?.close();
  });

  const text = (node: SimNode | undefined) => node?.dom?.textContent?.trim() ?? '';

  test('registers one privacy listener at launch, for every page', () => {
    expect(wechat.listeners).toHaveLength(1);
  });

  test('a group admin registers a teacher, gets a code, and copying it asks for privacy consent on this page', async () => {
    // Prepare
    openingPage('packages/admin/teachers/index');
    const id = simulate.load(path.join(DIST, 'packages', 'admin', 'teachers', 'index'), { rootPath: DIST });
    page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    await until(() => page.querySelector('#admin-school-jn-jingbalu-ps'), 'the group’s schools');
    page.querySelector('#admin-school-jn-jingbalu-ps')!.dispatchEvent('tap');
    await until(() => page.querySelector('#admin-school-jn-jingbalu-ps.admin__school--active'), 'the school to be chosen');
    await until(
      () => text(page.querySelector('.admin-teachers')).includes('还没有登记教师') || page.querySelector('.admin-teacher'),
      'the teacher list',
    );

    // Act: register 孙老师 and make a code for them.
    page.querySelector('#teacher-name')!.dispatchEvent('input', { detail: { value: '孙老师', cursor: 3 } });
    await until(
      () => page.querySelector('#teacher-add') && !page.querySelector('#teacher-add')!.dom!.hasAttribute('disabled'),
      'the add button',
    );
    page.querySelector('#teacher-add')!.dispatchEvent('tap');
    // A fresh table: 孙老师 is the school's only teacher.
    await until(() => page.querySelectorAll('.admin-teacher__name').some((n) => text(n) === '孙老师'), 'the new teacher');
    page.querySelector('.admin-teacher__invite')!.dispatchEvent('tap');
    const code = text(await until(() => page.querySelector('#invite-code'), 'the invite code'));
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    expect(page.querySelector('#privacy-sheet')).toBeUndefined();
    page.querySelector('#invite-copy')!.dispatchEvent('tap');

    // Assess: WeChat asked; the sheet is on the admin page; agreeing answers WeChat and copies.
    const sheet = await until(() => page.querySelector('#privacy-sheet'), 'the privacy sheet on the admin page');
    expect(text(sheet)).toContain('隐私保护指引');
    expect(page.querySelector('#privacy-link')).toBeDefined();
    expect(wechat.clipboard).toEqual([]);
    page.querySelector('#agree-privacy')!.dispatchEvent('agreeprivacyauthorization');
    await until(() => wechat.clipboard.length > 0, 'the copy to go through');
    expect(wechat.answers).toEqual([{ buttonId: 'agree-privacy', event: 'agree' }]);
    expect(wechat.clipboard).toEqual([code]);
    await until(() => !page.querySelector('#privacy-sheet'), 'the sheet to close');

    // A second copy needs no second consent.
    page.querySelector('#invite-copy')!.dispatchEvent('tap');
    await until(() => wechat.clipboard.length === 2, 'the second copy');
    expect(wechat.answers).toHaveLength(1);
    // The stored session was live and sent along: no login call was needed.
    expect(requests.urls.filter((url) => url.includes('/api/auth/'))).toEqual([]);
    expect(wechat.listeners).toHaveLength(1);
  });
});
