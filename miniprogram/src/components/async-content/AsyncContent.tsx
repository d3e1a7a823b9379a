import type { ReactElement } from 'react';
import type { AsyncState } from '../../hooks/useAsync';
import { StatusView } from '../status-view/StatusView';

export interface AsyncContentProps<T> {
  state: AsyncState<T>;
  onRetry: () => void;
  children: (data: T) => ReactElement;
}

/** Loading and error (with 重试) look the same on every detail page; only the data view differs. */
export function AsyncContent<T>({ state, onRetry, children }: AsyncContentProps<T>) {
  if (state.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (state.status === 'error') {
    const { message, retryable, retryAfterSeconds } = state;
    return <StatusView kind="error" message={message} onRetry={onRetry} retryable={retryable} retryAfterSeconds={retryAfterSeconds} />;
  }
  return children(state.data);
}
