import { useEffect, useState } from 'react';
import { useReshow } from '../hooks/useReshow';
import type { Me, Role } from '../../../shared';
import { messageOf } from '../api/api-error';
import { getMe } from '../api/identity';
import { onSessionChange } from '../api/session-store';
import { hasIdentity } from './login';

export interface MeState {
  me: Me | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
}

/** Who am I (roles, schools, teacher binding); re-read whenever the session changes. */
export function useMe(): MeState {
  const [state, setState] = useState<Omit<MeState, 'reload'>>({ me: null, loading: hasIdentity(), error: null });
  const [version, setVersion] = useState(0);

  useEffect(() => onSessionChange(() => setVersion((v) => v + 1)), []);
  // Coming back to a page (e.g. home after binding a school in 我的) shows the latest.
  useReshow(() => setVersion((v) => v + 1));
  useEffect(() => {
    if (!hasIdentity()) {
      setState({ me: null, loading: false, error: null });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    getMe().then(
      (me) => live && setState({ me, loading: false, error: null }),
      (error: unknown) => live && setState({ me: null, loading: false, error: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [version]);

  return { ...state, reload: () => setVersion((v) => v + 1) };
}

export const hasRole = (me: Me | null, role: Role) => Boolean(me?.roles.some((r) => r.role === role));
export const isAdmin = (me: Me | null) => hasRole(me, 'group_admin') || hasRole(me, 'district_admin');
