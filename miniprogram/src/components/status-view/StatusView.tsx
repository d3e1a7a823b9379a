import { Button, Text, View } from '@tarojs/components';
import './status-view.scss';

export type StatusKind = 'hint' | 'loading' | 'empty' | 'error';

export interface StatusViewProps {
  kind: StatusKind;
  message: string;
  /** Shown as a 重试 button, only for errors. */
  onRetry?: () => void;
  /** The service or network is down for now: the retry state, not the server's error text. */
  retryable?: boolean;
  retryAfterSeconds?: number;
}

export const RETRY_STATE_MESSAGE = '服务暂时不可用，请稍后重试';

/** The one look for "nothing to show yet": hint, loading, empty and error (with 重试). */
export function StatusView({ kind, message, onRetry, retryable, retryAfterSeconds }: StatusViewProps) {
  if (kind === 'error' && retryable) {
    return (
      <View className="status-view status-view--unavailable" id="status-unavailable">
        <Text className="status-view__message">{RETRY_STATE_MESSAGE}</Text>
        {retryAfterSeconds ? <Text className="status-view__wait">约 {retryAfterSeconds} 秒后可重试</Text> : null}
        {onRetry ? (
          <Button className="status-view__retry" id="retry-button" size="mini" onClick={onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className={`status-view status-view--${kind}`} id={`status-${kind}`}>
      <Text className="status-view__message">{message}</Text>
      {kind === 'error' && onRetry ? (
        <Button className="status-view__retry" id="retry-button" size="mini" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}
