import path from 'node:path';
import { templateSurvey } from '../support/surveys';
import { importBody, PLACE_META, PLACE_ROWS } from '../support/rotation';
import { startTestApi } from '../support/test-api';
import { forwardWxRequest } from './support/forward-wx-request';
import { type SimNode, type SimPage, type Simulate, until } from './support/simulate';
import { installWeappHost, launchApp, openingPage } from './support/weapp-host';

/**
 * The PRODUCTION weapp build's five shared pages, each opened cold from the link its card
 * carries, against the real API: WeChat offers 转发 on a page only when the page defines
 * onShareAppMessage (Taro adds it for enableShareAppMessage in the page config) and 朋友圈
 * only with onShareTimeline; what those return is the card a chat or 朋友圈 shows.
 */
jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');
const SESSION_KEY = 'jituan.session';

interface ShareAnswer {
  title: string;
  path?: string;
  query?: string;
  imageUrl?: string;
}
type SharingPage = SimPage & {
  instance: { onShareAppMessage?: (options: object) => ShareAnswer; onShareTimeline?: () => ShareAnswer };
};

/** Today in China, the calendar rotation notices are dated by. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('the weapp build’s shared pages', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let simulate: Simulate;
  const opened: SimPage[] = [];
  const ids = { survey: '', news: '', batch: '' };

  /** Loads a page of the build with the query of a shared link, as WeChat does on a cold start. */
  const open = (route: string, query: Record<string, string>) => {
    openingPage(route, query);
    const page = simulate.render(simulate.load(path.join(DIST, route), { rootPath: DIST })) as SharingPage;
    page.attach(document.createElement('parent-wrapper'));
    opened.push(page);
    return page;
  };
  const text = (node: SimNode | undefined) => node?.dom?.textContent?.trim() ?? '';
  const shownText = (page: SimPage, want: string) => until(() => text(page.querySelector('.page')).includes(want), want);

  beforeAll(async () => {
    api = await startTestApi();
    const call = async (method: string, route: string, token: string, body?: unknown) => {
      const res = await fetch(`${api.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string; batch: { id: string }; token: string; expiresAt: string };
    };
    const login = (body: object) => fetch(`${api.url}/api/auth/dev`, { method: 'POST', body: JSON.stringify(body) }).then((r) => r.json());
    const admin = ((await login({ role: 'district_admin', districtId: 'jinan-shizhong' })) as { token: string }).token;
    ids.survey = (await call('POST', '/api/admin/surveys', admin, { definition: templateSurvey({ districtId: 'jinan-shizhong' }) })).id;
    ids.news = (await call('POST', '/api/admin/groups/jn-jingwu/news', admin, { title: '经五集团开放日', authorName: '集团办公室' })).id;
    await call('POST', `/api/admin/news/${ids.news}/publish`, admin, {});
    const meta = { ...PLACE_META['own-group'], noticeStart: chinaToday() };
    ids.batch = (await call('POST', '/api/admin/rotation/batches/import', admin, importBody(meta, PLACE_ROWS['own-group'](2)))).batch.id;
    await call('POST', `/api/admin/rotation/batches/${ids.batch}/publish`, admin);

    installWeappHost();
    simulate = require('miniprogram-simulate');
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    forwardWxRequest(wx, api.url);
    // A parent signed in before: the survey page reads 我的 to know the parent's schools.
    const parent = (await login({ role: 'parent' })) as { token: string; expiresAt: string };
    const storage = new Map<string, unknown>([[SESSION_KEY, { token: parent.token, expiresAt: parent.expiresAt }]]);
    wx.getStorageSync = (key: string) => storage.get(key) ?? '';
    wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
    wx.removeStorageSync = (key: string) => void storage.delete(key);
    launchApp(DIST);
  });

  afterAll(async () => {
    opened.forEach((page) => page.detach());
    await api?.close();
  });

  test('学校 shares its name and id to a chat and to 朋友圈', async () => {
    // Prepare
    const page = open('pages/school/index', { id: 'jn-jingbalu-ps' });
    await shownText(page, '济南市经八路小学');

    // Act
    const chat = page.instance.onShareAppMessage?.({ from: 'menu' });
    const timeline = page.instance.onShareTimeline?.();

    // Assess
    expect(chat).toEqual({ title: '济南市经八路小学 · 学校信息', path: '/pages/school/index?id=jn-jingbalu-ps' });
    expect(timeline).toEqual({ title: '济南市经八路小学 · 学校信息', query: 'id=jn-jingbalu-ps' });
  });

  test('教育集团 shares its name and id to a chat and to 朋友圈', async () => {
    // Prepare
    const page = open('pages/group/index', { id: 'jn-jingwu' });
    await until(() => page.querySelector('.member-item'), 'the member schools');

    // Act
    const chat = page.instance.onShareAppMessage?.({ from: 'menu' });
    const timeline = page.instance.onShareTimeline?.();

    // Assess
    expect(chat).toEqual({ title: '经五教育集团 · 教育集团', path: '/pages/group/index?id=jn-jingwu' });
    expect(timeline).toEqual({ title: '经五教育集团 · 教育集团', query: 'id=jn-jingwu' });
  });

  test('动态详情 shares the news title and its group, with its id', async () => {
    // Prepare
    const page = open('packages/news/detail/index', { id: ids.news });
    await until(() => text(page.querySelector('#news-title')) === '经五集团开放日', 'the news title');

    // Act
    const chat = page.instance.onShareAppMessage?.({ from: 'menu' });
    const timeline = page.instance.onShareTimeline?.();

    // Assess: no cover, so no picture: WeChat uses its default.
    expect(chat).toEqual({ title: '经五集团开放日｜经五教育集团', path: `/packages/news/detail/index?id=${ids.news}` });
    expect(timeline).toEqual({ title: '经五集团开放日｜经五教育集团', query: `id=${ids.news}` });
  });

  test('填写问卷 shares the survey and the chosen school to a chat only', async () => {
    // Prepare
    const page = open('packages/survey/answer/index', { id: ids.survey, school: 'jn-jingbalu-ps' });
    await shownText(page, '济南市经八路小学');

    // Act
    const chat = page.instance.onShareAppMessage?.({ from: 'menu' });

    // Assess: 朋友圈 opens pages without a login, with which no answer could be sent.
    expect(chat).toEqual({
      title: `请填写问卷：${templateSurvey({ districtId: 'jinan-shizhong' }).title}（济南市经八路小学）`,
      path: `/packages/survey/answer/index?id=${ids.survey}&school=jn-jingbalu-ps`,
    });
    expect(page.instance.onShareTimeline).toBeUndefined();
  });

  test('公示详情 shares the batch title and school year with its id', async () => {
    // Prepare
    const page = open('packages/rotation/detail/index', { id: ids.batch });
    await until(() => page.querySelector('.rotation-assignment'), 'the assignments');

    // Act
    const chat = page.instance.onShareAppMessage?.({ from: 'menu' });
    const timeline = page.instance.onShareTimeline?.();

    // Assess
    expect(chat).toEqual({ title: '经五集团交流轮岗公示（2026-2027 学年）', path: `/packages/rotation/detail/index?id=${ids.batch}` });
    expect(timeline).toEqual({ title: '经五集团交流轮岗公示（2026-2027 学年）', query: `id=${ids.batch}` });
  });
});
