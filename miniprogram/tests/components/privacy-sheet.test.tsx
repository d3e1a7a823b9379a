import { act, render } from '@testing-library/react';
import { PrivacySheet } from '../../src/components/privacy/PrivacySheet';
import { tap } from '../support/taro-events';

type Resolve = (result: { buttonId?: string; event: string }) => void;

/** wx.onNeedPrivacyAuthorization, faked: the test plays WeChat asking for consent. */
function fakeWeChatPrivacy() {
  let handler: ((resolve: Resolve) => void) | null = null;
  (globalThis as { wx?: unknown }).wx = { onNeedPrivacyAuthorization: (h: (resolve: Resolve) => void) => (handler = h) };
  return {
    registered: () => handler !== null,
    ask: () => {
      const resolve = jest.fn();
      act(() => handler!(resolve));
      return resolve;
    },
  };
}

describe('the 隐私保护指引 sheet', () => {
  afterEach(() => {
    delete (globalThis as { wx?: unknown }).wx;
  });

  test('stays hidden until WeChat asks, then shows the guide with a link to the policy', () => {
    // Prepare
    const wechat = fakeWeChatPrivacy();
    render(<PrivacySheet />);
    expect(wechat.registered()).toBe(true);
    expect(document.querySelector('#privacy-sheet')).toBeNull();
    // Act
    wechat.ask();
    // Assess
    expect(document.querySelector('#privacy-sheet')?.textContent).toContain('隐私保护指引');
    expect(document.querySelector('#privacy-link')).not.toBeNull();
  });

  test('answers agree with the agree button id, and closes', () => {
    const wechat = fakeWeChatPrivacy();
    render(<PrivacySheet />);
    const resolve = wechat.ask();
    const agree = document.querySelector('#agree-privacy')!;
    act(() => {
      agree.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true }));
    });
    expect(resolve).toHaveBeenCalledWith({ buttonId: 'agree-privacy', event: 'agree' });
    expect(document.querySelector('#privacy-sheet')).toBeNull();
  });

  test('answers disagree when refused', () => {
    const wechat = fakeWeChatPrivacy();
    render(<PrivacySheet />);
    const resolve = wechat.ask();
    tap(document.querySelector('#disagree-privacy')!);
    expect(resolve).toHaveBeenCalledWith({ event: 'disagree' });
  });

  test('does nothing outside WeChat (H5)', () => {
    render(<PrivacySheet />);
    expect(document.querySelector('#privacy-sheet')).toBeNull();
  });
});
