import { Text } from '@tarojs/components';
import { act, cleanup, render } from '@testing-library/react';
import type { ComponentType, PropsWithChildren } from 'react';
import { PrivacyHost } from '../../src/components/privacy/PrivacyHost';
import { resetPrivacyAuthorization, startPrivacyAuthorization } from '../../src/components/privacy/privacy-authorization';
import { tap } from '../support/taro-events';

type Resolve = (result: { buttonId?: string; event: string }) => void;
type Listener = (resolve: Resolve, info?: { referrer: string }) => void;

/** wx.onNeedPrivacyAuthorization, faked: the test plays WeChat asking for consent. */
function fakeWeChatPrivacy() {
  const listeners: Listener[] = [];
  (globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: (listener: Listener) => listeners.push(listener) };
  return {
    listeners,
    /** A private API (e.g. the clipboard) was called: WeChat asks the app's (single) listener. */
    ask: () => {
      const resolve = jest.fn();
      act(() => listeners.at(-1)!(resolve, { referrer: 'setClipboardData' }));
      return resolve;
    },
  };
}

const sheet = () => document.querySelector('#privacy-sheet');
const agree = () =>
  act(() => {
    document.querySelector('#agree-privacy')!.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true }));
  });

describe('privacy authorization (隐私保护指引)', () => {
  afterEach(() => {
    cleanup();
    resetPrivacyAuthorization();
    delete (globalThis as { wx?: unknown }).wx;
  });

  test('registers one listener for the whole app, however often it is started', () => {
    const wechat = fakeWeChatPrivacy();
    expect(startPrivacyAuthorization()).toBe(true);
    expect(startPrivacyAuthorization()).toBe(true);
    expect(wechat.listeners).toHaveLength(1);
  });

  test('does nothing outside WeChat (H5) or on a base library without the API', () => {
    expect(startPrivacyAuthorization()).toBe(false);
    (globalThis as { wx?: unknown }).wx = {};
    expect(startPrivacyAuthorization()).toBe(false);
    render(<PrivacyHost />);
    expect(sheet()).toBeNull();
  });

  test('stays hidden until WeChat asks, then shows the guide with a link to the policy', () => {
    // Prepare
    const wechat = fakeWeChatPrivacy();
    startPrivacyAuthorization();
    render(<PrivacyHost />);
    expect(sheet()).toBeNull();
    // Act
    wechat.ask();
    // Assess
    expect(sheet()?.textContent).toContain('隐私保护指引');
    expect(sheet()?.textContent).toContain('不收集手机号');
    expect(document.querySelector('#privacy-link')?.textContent).toContain('隐私政策');
    expect(
      document.querySelector('#agree-privacy')?.getAttribute('open-type') ??
        document.querySelector('#agree-privacy')?.getAttribute('openType'),
    ).toBe('agreePrivacyAuthorization');
  });

  test('answers agree with the agree button’s id, and closes', () => {
    const wechat = fakeWeChatPrivacy();
    startPrivacyAuthorization();
    render(<PrivacyHost />);
    const resolve = wechat.ask();
    agree();
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'agree-privacy', event: 'agree' });
    expect(sheet()).toBeNull();
  });

  test('answers disagree when refused, and closes', () => {
    const wechat = fakeWeChatPrivacy();
    startPrivacyAuthorization();
    render(<PrivacyHost />);
    const resolve = wechat.ask();
    tap(document.querySelector('#disagree-privacy')!);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
    expect(sheet()).toBeNull();
  });

  test('answers every API that was waiting, once', () => {
    const wechat = fakeWeChatPrivacy();
    startPrivacyAuthorization();
    render(<PrivacyHost />);
    const first = wechat.ask();
    const second = wechat.ask();
    agree();
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith({ buttonId: 'agree-privacy', event: 'agree' });
  });

  test('is mounted by the App itself, so every page gets it', () => {
    // Prepare: the app entry registers at load, like WeChat's launch.
    const wechat = fakeWeChatPrivacy();
    const App = (require('../../src/app') as { default: ComponentType<PropsWithChildren> }).default;
    expect(wechat.listeners).toHaveLength(1);
    render(
      <App>
        <Text id="some-page">任意页面</Text>
      </App>,
    );
    // Act
    const resolve = wechat.ask();
    // Assess
    expect(document.querySelector('#some-page')).not.toBeNull();
    expect(sheet()).not.toBeNull();
    tap(document.querySelector('#disagree-privacy')!);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });
});
