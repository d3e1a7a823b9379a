/**
 * What the pages use of @tarojs/taro, faked for jsdom (jest maps '@tarojs/taro' here).
 * API calls are plain functions on one object so tests can jest.spyOn them; the router and
 * page events are driven from tests through the helpers at the bottom.
 */
import { useEffect, useRef } from 'react';

type RequestOptions = { url: string; method?: string; data?: unknown; dataType?: string };
type RequestResult = { statusCode: number; data: unknown; header?: Record<string, string> };

let routerParams: Record<string, string> = {};
const storage = new Map<string, unknown>();
const reachBottomHandlers = new Set<() => void>();
const pullDownHandlers = new Set<() => void>();

const Taro = {
  request(options: RequestOptions): Promise<RequestResult> {
    return Promise.reject(new Error(`Taro.request(${options.url}) was not stubbed in this test`));
  },
  navigateTo(_options: { url: string }): Promise<void> {
    return Promise.resolve();
  },
  redirectTo(_options: { url: string }): Promise<void> {
    return Promise.resolve();
  },
  navigateBack(): Promise<void> {
    return Promise.resolve();
  },
  setNavigationBarTitle(_options: { title: string }): Promise<void> {
    return Promise.resolve();
  },
  getStorageSync(key: string): unknown {
    return storage.get(key) ?? '';
  },
  setStorageSync(key: string, value: unknown): void {
    storage.set(key, value);
  },
  removeStorageSync(key: string): void {
    storage.delete(key);
  },
  login(): Promise<{ code: string }> {
    return Promise.reject(new Error('Taro.login was not stubbed in this test'));
  },
  showToast(_options: { title: string; icon?: string }): Promise<void> {
    return Promise.resolve();
  },
  showModal(_options: Record<string, unknown>): Promise<{ confirm: boolean; cancel: boolean }> {
    return Promise.resolve({ confirm: true, cancel: false });
  },
  setClipboardData(_options: { data: string }): Promise<void> {
    return Promise.resolve();
  },
  stopPullDownRefresh(): void {},
  makePhoneCall(_options: { phoneNumber: string }): Promise<void> {
    return Promise.resolve();
  },
  openLocation(_options: { latitude: number; longitude: number; name?: string; address?: string; scale?: number }): Promise<void> {
    return Promise.resolve();
  },
  getLocation(_options: { type?: string }): Promise<{ latitude: number; longitude: number }> {
    return Promise.reject(new Error('Taro.getLocation was not stubbed in this test'));
  },
};

/** Forget everything stored (between tests). */
export function clearStorage(): void {
  storage.clear();
}

export default Taro;

export function useRouter(): { params: Record<string, string> } {
  return { params: routerParams };
}

/** Page shows are not simulated in jsdom: a rendered page is simply shown. */
export function useDidShow(_callback: () => void): void {}

/** Like Taro's hook: the latest callback runs when the page is scrolled to the bottom. */
export function useReachBottom(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    reachBottomHandlers.add(handler);
    return () => {
      reachBottomHandlers.delete(handler);
    };
  }, []);
}

/** Like Taro's hook: the latest callback runs on a pull-down refresh. */
export function usePullDownRefresh(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    pullDownHandlers.add(handler);
    return () => {
      pullDownHandlers.delete(handler);
    };
  }, []);
}

// ---- test controls ----

/** The query parameters the next rendered page sees, as if opened by URL. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** Pretend the user pulled the page down to refresh it. */
export function pullDown(): void {
  pullDownHandlers.forEach((handler) => handler());
}

/** Pretend the user scrolled to the bottom of the page. */
export function reachBottom(): void {
  reachBottomHandlers.forEach((handler) => handler());
}

// ---- sharing (useShareAppMessage / useShareTimeline) ----

type ShareHandler = () => unknown;
const shareHandlers: Record<'appMessage' | 'timeline', ShareHandler | null> = { appMessage: null, timeline: null };

function useShareHook(kind: keyof typeof shareHandlers, callback: ShareHandler): void {
  // Like Taro: the latest callback answers, registered for as long as the page is mounted.
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const handler = () => latest.current();
    shareHandlers[kind] = handler;
    return () => {
      if (shareHandlers[kind] === handler) shareHandlers[kind] = null;
    };
  }, [kind]);
}

export function useShareAppMessage(callback: ShareHandler): void {
  useShareHook('appMessage', callback);
}

export function useShareTimeline(callback: ShareHandler): void {
  useShareHook('timeline', callback);
}

/** What the page answers when the user shares it to a chat (undefined: the page does not share). */
export function shareAppMessage(): unknown {
  return shareHandlers.appMessage?.();
}

/** What the page answers when the user shares it to 朋友圈 (undefined: the page does not offer it). */
export function shareTimeline(): unknown {
  return shareHandlers.timeline?.();
}
