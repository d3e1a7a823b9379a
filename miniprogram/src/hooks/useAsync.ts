import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/api-error';
import { isRetryable } from '../api/request';

export type AsyncState<T> =
  | { status: 'loading' }
  /** `retryable`: the service or network is down for now (the UI shows its retry state). */
  | { status: 'error'; message: string; retryable?: boolean; retryAfterSeconds?: number }
  | { status: 'ready'; data: T };

/**
 * Loads once per change of `deps` and offers `reload` for a 重试 button. Answers to an
 * earlier load are dropped, so a slow old request can never overwrite a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> & { reload: () => void; refresh: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const latest = useRef(0);
  // `deps` are whatever `load` closes over (like useEffect's), so a new id means a new load.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` are the caller's list for `load` (checked at each caller)
  const run = useCallback(load, deps);

  const start = useCallback(
    (keepData: boolean) => {
      const attempt = ++latest.current;
      if (!keepData) setState({ status: 'loading' });
      run().then(
        (data) => attempt === latest.current && setState({ status: 'ready', data }),
        (error: unknown) =>
          attempt === latest.current &&
          setState({
            status: 'error',
            message: messageOf(error),
            ...(isRetryable(error) ? { retryable: true, retryAfterSeconds: error.retryAfterSeconds } : {}),
          }),
      );
    },
    [run],
  );
  const reload = useCallback(() => start(false), [start]);
  /** Loads again but keeps showing the current data until the answer comes (forms stay filled). */
  const refresh = useCallback(() => start(true), [start]);

  useEffect(reload, [reload]);
  return { ...state, reload, refresh };
}
