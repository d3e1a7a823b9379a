/**
 * WeChat's 隐私保护指引 flow, registered ONCE for the whole app: when any page calls a private
 * API (clipboard, location, photos, …) before the user agreed, WeChat calls our listener
 * with a `resolve`; the app-level PrivacyHost shows the sheet on the page being shown and
 * answers with the user's choice. wx.onNeedPrivacyAuthorization keeps a single listener, so
 * registering per page would leave it pointing at whichever page mounted last.
 */

export type PrivacyAnswer = { buttonId: string; event: 'agree' } | { event: 'disagree' };
export type PrivacyResolve = (answer: PrivacyAnswer) => void;
/** What WeChat passes along: `referrer` names the API that asked (e.g. 'setClipboardData'). */
export type PrivacyEventInfo = { referrer?: string };
type PrivacyWx = { onNeedPrivacyAuthorization?: (listener: (resolve: PrivacyResolve, info?: PrivacyEventInfo) => void) => void };

/** The id WeChat expects back: the agree button's id (open-type="agreePrivacyAuthorization"). */
export const AGREE_BUTTON_ID = 'agree-privacy';

// `wx` is a free global in WeChat (and in the tests' fakes); older base libraries lack globalThis.
const wechat = () => (typeof wx === 'undefined' ? undefined : (wx as unknown as PrivacyWx));

/** Every API waiting for an answer (two private calls can be in flight at once). */
let waiting: PrivacyResolve[] = [];
let registered = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

/**
 * Called once at launch. Does nothing outside WeChat (H5, jest) or on an old base library
 * without the API (those do not run the privacy check either).
 */
export function startPrivacyAuthorization(host: PrivacyWx | undefined = wechat()): boolean {
  if (registered || typeof host?.onNeedPrivacyAuthorization !== 'function') return registered;
  host.onNeedPrivacyAuthorization((resolve) => {
    waiting.push(resolve);
    notify();
  });
  registered = true;
  return true;
}

/** How many APIs wait for the user's choice (0: no sheet; a new one may come from another page). */
export const privacyWaiting = () => waiting.length;

/** The user's choice, given to every API that is waiting. */
export function answerPrivacy(event: 'agree' | 'disagree'): void {
  const answer: PrivacyAnswer = event === 'agree' ? { buttonId: AGREE_BUTTON_ID, event } : { event };
  const resolves = waiting;
  waiting = [];
  resolves.forEach((resolve) => resolve(answer));
  notify();
}

export function onPrivacyChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tests only: forget the registration and anything waiting. */
export function resetPrivacyAuthorization(): void {
  waiting = [];
  registered = false;
  notify();
}
