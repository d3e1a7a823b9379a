import { Button, Text, View } from '@tarojs/components';
import type { SaveProblem } from '../../../api/field-errors';

/**
 * Why the last save failed. A stale version (409 CONFLICT) says 请刷新后重试 and offers 刷新,
 * which reloads what is stored now (someone else's edit) into the form.
 */
export function SaveNotice({ problem, onRefresh }: { problem: SaveProblem | null; onRefresh: () => void }) {
  if (!problem) return null;
  return (
    <View className="catalog-notice" id={problem.conflict ? 'save-conflict' : 'save-error'}>
      <Text className="catalog-notice__text">{problem.message}</Text>
      {problem.conflict ? (
        <Button id="conflict-refresh" size="mini" className="catalog-notice__button" onClick={onRefresh}>
          刷新
        </Button>
      ) : null}
    </View>
  );
}
