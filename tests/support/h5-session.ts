import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { TestTable } from './dynamo';
import { startTestApi } from './test-api';

const ROOT = path.resolve(__dirname, '..', '..');
export const H5_DIST = path.join(ROOT, 'miniprogram', 'dist-h5');
export const SHOTS = path.join(ROOT, 'test-artifacts', 'e2e');

// Debian's chromium; playwright's own browser downloads do not work on this machine.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface H5Session {
  /** Base URL of the server (API at /api, app at /). */
  url: string;
  page: Page;
  /** The session's table, for what a test does beside the app (e.g. the admin CLI). */
  table: TestTable;
  close(): Promise<void>;
}

/**
 * The H5 build served with the real API (DynamoDB Local, seed data, dev login on) and a
 * phone-sized headless Chromium on it: what every browser test starts from. `now` is the
 * server's clock, for tests that must step past a date. `geolocation` (WGS-84, as a browser
 * reports it) grants the geolocation permission and places the browser there; `env` adds to the
 * server's environment (e.g. a fake WeChat server's address).
 */
export async function openH5(
  options: { now?: () => Date; geolocation?: { latitude: number; longitude: number }; env?: NodeJS.ProcessEnv } = {},
): Promise<H5Session> {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'jituan-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  const [api, browser] = await Promise.all([
    startTestApi({ staticDir: H5_DIST, now: options.now, env: options.env }),
    chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      // A phone-sized screen: the app is laid out for the WeChat webview.
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
    }),
  ]);
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.setDefaultTimeout(10_000);
  return {
    url: api.url,
    page,
    table: api.table,
    close: async () => {
      await browser.close();
      await api.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Calls the session's API directly, for what a test prepares or checks outside the browser. */
export function h5Api(h5: Pick<H5Session, 'url'>) {
  const api = async (method: string, route: string, body?: unknown, token?: string) => {
    const res = await fetch(`${h5.url}/api${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const devToken = async (body: object) => (await api('POST', '/auth/dev', body)).body.token as string;
  return { api, devToken };
}

/** Switches the demo role on the home page and waits until it is active. */
export async function switchRole(h5: H5Session, role: string): Promise<void> {
  await h5.page.goto(`${h5.url}/#/pages/home/index`);
  await h5.page.locator(`#demo-role-${role}`).click();
  await h5.page.locator(`#demo-role-${role}.demo-roles__chip--active`).waitFor();
}

/** In 我的, binds the school found by `query` whose name is `name`, and waits until it is listed. */
export async function bindSchoolInMe(h5: H5Session, query: string, name: string): Promise<void> {
  await h5.page.locator('#nav-me').click();
  await h5.page.locator('#bind-school-input input').fill(query);
  await h5.page.locator('.school-picker__hit', { hasText: name }).click();
  await h5.page.locator('.me-school__name', { hasText: name }).waitFor();
}

/**
 * Signs the app in with a session the test made (e.g. a dev login for a district no demo role
 * covers), the way the app keeps it (Taro storage: localStorage, JSON under `data`), and opens
 * the home page with it.
 */
export async function signInAs(h5: H5Session, session: { token: string; expiresAt: string }): Promise<void> {
  await h5.page.goto(`${h5.url}/#/pages/home/index`);
  await h5.page.evaluate((stored) => localStorage.setItem('jituan.session', JSON.stringify({ data: stored })), {
    token: session.token,
    expiresAt: session.expiresAt,
  });
  await h5.page.reload();
  await h5.page.locator('#nav-me').waitFor();
}
