/**
 * Bits of WeChat that miniprogram-simulate's `wx` lacks or only stubs: storage that keeps what
 * is stored, and the privacy check that stands in front of every private API.
 */
type Wx = Record<string, unknown>;

/** What the app answers WeChat's privacy check with (the agree button's id, or a refusal). */
export type PrivacyAnswer = { buttonId?: string; event: string };
type PrivacyListener = (resolve: (answer: PrivacyAnswer) => void, info: { referrer: string }) => void;
interface Callbacks {
  success?: (result: unknown) => void;
  fail?: (error: unknown) => void;
  complete?: (result: unknown) => void;
}

/** wx.getStorageSync and friends over a Map the test can fill (e.g. with a live session). */
export function fakeStorage(wx: Wx): Map<string, unknown> {
  const storage = new Map<string, unknown>();
  wx.getStorageSync = (key: string) => storage.get(key) ?? '';
  wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  wx.removeStorageSync = (key: string) => void storage.delete(key);
  return storage;
}

/**
 * wx.onNeedPrivacyAuthorization plus `privateApi`, which puts an API on `wx` that behaves like
 * WeChat's private ones: until the user agreed, it hands the app's last listener a `resolve`
 * and waits; an agreement runs it (and every later call at once), a refusal fails it.
 */
export function fakePrivacyCheck(wx: Wx) {
  const listeners: PrivacyListener[] = [];
  const answers: PrivacyAnswer[] = [];
  let agreed = false;
  wx.onNeedPrivacyAuthorization = (listener: PrivacyListener) => void listeners.push(listener);

  function privateApi<Options extends Callbacks>(name: string, answer: (options: Options) => object = () => ({})): void {
    wx[name] = (options: Options) => {
      const run = () => {
        const ok = { errMsg: `${name}:ok`, ...answer(options) };
        options.success?.(ok);
        options.complete?.(ok);
      };
      if (agreed) return run();
      listeners.at(-1)?.(
        (reply) => {
          answers.push(reply);
          agreed = reply.event === 'agree';
          if (agreed) return run();
          const refused = { errMsg: `${name}:fail privacy permission is not authorized` };
          options.fail?.(refused);
          options.complete?.(refused);
        },
        { referrer: name },
      );
    };
  }
  return { listeners, answers, privateApi };
}
