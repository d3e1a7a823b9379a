import path from 'node:path';
import type { AdminSchool, DistrictCatalog } from '../../shared';
import { termLabel, termOf } from '../../shared/catalog/terms';
import { startTestApi } from '../support/test-api';
import { fakePrivacyCheck, fakeStorage } from './support/fake-wechat';
import { forwardWxRequest } from './support/forward-wx-request';
import { inputValueReader } from './support/rendered-field';
import { type SimNode, type SimPage, type Simulate, until } from './support/simulate';
import { installWeappHost, launchApp, openingPage } from './support/weapp-host';

/**
 * The PRODUCTION weapp build's 学校与集团 pages, logged in as the demo district admin of
 * 济南市市中区, against the real API: the catalogue home lists the term, groups and schools; the
 * school form picks its point on WeChat's map (a private API, so the privacy sheet comes
 * first, on this page) and saves it; a field the server refuses shows its message beside it.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');
const SESSION_KEY = 'jituan.session';
const DISTRICT = 'jinan-shizhong';
const SCHOOL = 'jn-jingbalu-ps';
// A GCJ-02 point, as WeChat's map answers it.
const PICKED = { latitude: 36.6583, longitude: 116.9932, name: '济南市经八路小学', address: '山东省济南市市中区经八路 1 号' };

type Wx = Record<string, unknown>;

describe('the weapp build’s 学校与集团 pages', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let simulate: Simulate;
  let privacy: ReturnType<typeof fakePrivacyCheck>;
  let requests: { urls: string[] };
  let token: string;
  const mapCalls: unknown[] = [];
  const pages: SimPage[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    installWeappHost();
    simulate = require('miniprogram-simulate');
    const wx = (globalThis as unknown as { wx: Wx }).wx;
    requests = forwardWxRequest(wx, api.url);
    const storage = fakeStorage(wx);
    privacy = fakePrivacyCheck(wx);
    // The page asks first (requirePrivacyAuthorize), then opens the map; both are private in WeChat.
    privacy.privateApi('requirePrivacyAuthorize');
    privacy.privateApi('chooseLocation', (options) => {
      mapCalls.push(options);
      return PICKED;
    });
    // A live session of the demo district admin, as if logged in before.
    const login = await fetch(`${api.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'district_admin', districtId: DISTRICT }),
    });
    const session = (await login.json()) as { token: string; expiresAt: string };
    token = session.token;
    storage.set(SESSION_KEY, { token: session.token, expiresAt: session.expiresAt });
    // Taro turns the wx APIs present at launch into Taro.*: the fakes must be there first.
    launchApp(DIST);
  });

  afterAll(async () => {
    pages.forEach((page) => page.detach());
    await api?.close();
  });

  const text = (node: SimNode | undefined) => node?.dom?.textContent?.trim() ?? '';
  const valueOf = inputValueReader(DIST);
  const open = (route: string, query: Record<string, string> = {}) => {
    openingPage(route, query);
    const page = simulate.render(simulate.load(path.join(DIST, route), { rootPath: DIST }));
    page.attach(document.createElement('parent-wrapper'));
    pages.push(page);
    return page;
  };
  /** 保存 when not saving: grey (nothing to save) or ready. */
  const saveButton = (page: SimPage, state: 'idle' | 'active') => {
    const button = page.querySelector('#school-save');
    const idle = button?.dom?.className.includes('primary-button--idle');
    return text(button) === '保存' && (state === 'idle' ? idle : !idle);
  };
  const storedSchool = async (): Promise<AdminSchool> => {
    const answer = await fetch(`${api.url}/api/admin/districts/${DISTRICT}/catalog`, { headers: { authorization: `Bearer ${token}` } });
    return ((await answer.json()) as DistrictCatalog).schools.find((s) => s.id === SCHOOL)!;
  };

  test('the home page shows the current term, the district’s groups with their lead schools, and its schools', async () => {
    // Prepare
    const page = open('packages/catalog/home/index');
    const term = await until(() => page.querySelector('#current-term'), 'the catalogue to load');

    // Act
    const group = text(await until(() => page.querySelector('#group-jn-jingwu'), 'the groups'));
    page.querySelector('#tab-schools')!.dispatchEvent('tap');
    const school = text(await until(() => page.querySelector(`#school-${SCHOOL}`), 'the 学校 tab'));

    // Assess
    expect(text(term)).toBe(`当前学期：${termLabel(termOf(new Date()))}`);
    expect(group).toContain('经五教育集团');
    expect(group).toContain('牵头校：济南市经五路小学');
    expect(group).toContain('济南市经八路小学（成员校）');
    expect(school).toContain('济南市经八路小学');
    expect(school).toContain('经五教育集团');
    expect(page.querySelectorAll('.catalog-row').length).toBeGreaterThan(1);
    expect(page.querySelector('#group-jn-jingwu')).toBeUndefined();
  });

  test('在地图上选点 asks for privacy consent on the school page; a refusal leaves the map closed, an agreement fills 纬度/经度 and 保存 stores the point', async () => {
    // Prepare: the seed school has no point and no address yet.
    const page = open('packages/catalog/school/index', { district: DISTRICT, id: SCHOOL });
    const map = await until(() => page.querySelector('#school-map'), 'the school form');
    expect([valueOf('school-lat'), valueOf('school-lng'), valueOf('school-address')]).toEqual(['', '', '']);
    expect(page.querySelector('#privacy-sheet')).toBeUndefined();

    // Act: refuse first.
    map.dispatchEvent('tap');
    const refused = await until(() => page.querySelector('#privacy-sheet'), 'the privacy sheet on the school page');
    expect(text(refused)).toContain('隐私保护指引');
    // Not on the 学校与集团 page still open beneath it.
    expect(pages[0].querySelector('#privacy-sheet')).toBeUndefined();
    page.querySelector('#disagree-privacy')!.dispatchEvent('tap');
    await until(() => !page.querySelector('#privacy-sheet'), 'the sheet to close after 拒绝');

    // Assess: WeChat was told no, and the map never opened.
    expect(privacy.answers).toEqual([{ event: 'disagree' }]);
    expect(mapCalls).toEqual([]);
    expect([valueOf('school-lat'), valueOf('school-lng')]).toEqual(['', '']);

    // Act: ask again and agree.
    map.dispatchEvent('tap');
    await until(() => page.querySelector('#privacy-sheet'), 'the privacy sheet again');
    page.querySelector('#agree-privacy')!.dispatchEvent('agreeprivacyauthorization');
    await until(() => valueOf('school-lat') === String(PICKED.latitude), 'the picked 纬度');

    // Assess: the agreement answered WeChat, the map opened once (nowhere in particular: no point
    // yet), and the point (and, the address being empty, the place's address) is in the form.
    expect(privacy.answers).toEqual([{ event: 'disagree' }, { buttonId: 'agree-privacy', event: 'agree' }]);
    expect(mapCalls).toHaveLength(1);
    expect(mapCalls[0]).not.toHaveProperty('latitude');
    expect(valueOf('school-lng')).toBe(String(PICKED.longitude));
    expect(valueOf('school-address')).toBe(PICKED.address);
    await until(() => !page.querySelector('#privacy-sheet'), 'the sheet to close after agreeing');
    expect(privacy.listeners).toHaveLength(1);

    // Act: save.
    const save = page.querySelector('#school-save')!;
    expect(save.dom!.className).not.toContain('primary-button--idle');
    save.dispatchEvent('tap');
    await until(() => requests.urls.some((url) => url.endsWith(`/api/admin/schools/${SCHOOL}`)), 'the PUT');
    // Saved: the form starts again from the stored school, so 保存 is idle (and not 保存中…) again.
    await until(() => saveButton(page, 'idle'), 'the save to finish');

    // Assess: the real API reads the point back.
    expect(page.querySelector('#save-error')).toBeUndefined();
    const stored = await storedSchool();
    expect(stored.location).toEqual({ lat: PICKED.latitude, lng: PICKED.longitude });
    expect(stored.address).toBe(PICKED.address);
    expect(valueOf('school-lat')).toBe(String(PICKED.latitude));
  });

  test('a phone the server refuses shows the server’s message right beside the phone field', async () => {
    // Prepare: the school page of the test before, saved and idle.
    const page = pages.at(-1)!;
    const before = await storedSchool();
    page.querySelector('#school-phone')!.dispatchEvent('input', { detail: { value: 'abc', cursor: 3 } });
    await until(() => saveButton(page, 'active'), 'the save button');

    // Act
    page.querySelector('#school-save')!.dispatchEvent('tap');
    const error = await until(() => page.querySelector('#error-phone'), 'the phone field’s error');
    await until(() => saveButton(page, 'active'), 'the save to finish');

    // Assess: the server's words, in the phone field's own block; nothing was stored.
    expect(text(error)).toContain('电话格式不正确');
    const phone = page.querySelector('#school-phone')!;
    expect(error.dom!.parentElement).toBe(phone.dom!.parentElement);
    expect(text(page.querySelector('#save-error'))).not.toBe('');
    expect(valueOf('school-phone')).toBe('abc');
    expect(await storedSchool()).toEqual(before);
  });
});
