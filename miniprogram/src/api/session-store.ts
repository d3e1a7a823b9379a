import Taro from '@tarojs/taro';
import type { Session } from '../../../shared';

/**
 * The session token, kept in Taro storage so a restart does not log the user out. Only the
 * token and its expiry: the rest of "me" is asked for again.
 */
const KEY = 'jituan.session';

export interface StoredSession {
  token: string;
  expiresAt: string;
}

type Listener = () => void;
const listeners = new Set<Listener>();

export function readSession(): StoredSession | null {
  try {
    const stored = Taro.getStorageSync(KEY) as StoredSession | '' | undefined;
    if (!stored || !stored.token) return null;
    return new Date(stored.expiresAt).getTime() > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Pick<Session, 'token' | 'expiresAt'>): void {
  Taro.setStorageSync(KEY, { token: session.token, expiresAt: session.expiresAt });
  listeners.forEach((listener) => listener());
}

export function clearSession(): void {
  Taro.removeStorageSync(KEY);
  listeners.forEach((listener) => listener());
}

/** Pages that show who is logged in re-read "me" when the session changes. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
