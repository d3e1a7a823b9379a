import { Button, Text, View } from '@tarojs/components';
import './status-view.scss';

export type StatusKind = 'hint' | 'loading' | 'empty' | 'error';

export interface StatusViewProps {
  kind: StatusKind;
  message: string;
  /** Shown as a 重试 button, only for errors. */
  onRetry?: () => void;
}

/** The one look for "nothing to show yet": hint, loading, empty and error (with 重试). */
export function StatusView({ kind, message, onRetry }: StatusViewProps) {
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
