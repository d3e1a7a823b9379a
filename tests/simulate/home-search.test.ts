import path from 'node:path';
import { startTestApi } from '../support/test-api';
import { forwardWxRequest } from './support/forward-wx-request';
import { type SimPage, type Simulate, until } from './support/simulate';
import { installWeappHost, launchApp, openingPage } from './support/weapp-host';

/**
 * The PRODUCTION weapp build (npm run build:weapp) run by miniprogram-simulate against the
 * real API on DynamoDB Local: proves the compiled bundle searches and renders, not just the
 * React source.
 */
jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'miniprogram', 'dist');

describe('the weapp build’s home page', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let simulate: Simulate;
  let requests: { urls: string[] };
  let page: SimPage;

  beforeAll(async () => {
    api = await startTestApi();
    installWeappHost();
    // Requiring simulate installs its mocked `wx`; the real request must replace its stub.
    simulate = require('miniprogram-simulate');
    requests = forwardWxRequest((globalThis as unknown as { wx: Record<string, unknown> }).wx, api.url);
    launchApp(DIST);
  });

  afterAll(async () => {
    page?.detach();
    await api?.close();
  });

  test('finds 济南市经八路小学 when the user types 经八路', async () => {
    // Prepare
    openingPage('pages/home/index');
    const id = simulate.load(path.join(DIST, 'pages', 'home', 'index'), { rootPath: DIST });
    page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    const input = await until(() => page.querySelector('#search-input'), 'the search input to render');
    await until(() => page.querySelector('#district-chip-jinan-shizhong'), 'the districts to load');

    // Act
    input.dispatchEvent('input', { detail: { value: '经八路', cursor: 3 } });

    // Assess
    const names = await until(() => {
      const found = page.querySelectorAll('.school-name').map((el) => el.dom?.textContent ?? '');
      return found.length ? found : null;
    }, 'search results');
    expect(names).toContain('济南市经八路小学');
    const item = page.querySelector('.school-item')!;
    expect(item.dom!.textContent).toContain('经五教育集团');
    expect(requests.urls).toContainEqual(expect.stringMatching(/\/api\/schools\?q=%E7%BB%8F%E5%85%AB%E8%B7%AF&limit=20$/));
  });
});
