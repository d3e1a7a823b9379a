import { Button, Text, View } from '@tarojs/components';
import type { SchoolBinding } from './school-binding';

/** Which school the parent is rating, and (when not bound to it) the binding they confirm before submitting. */
export function SchoolConfirm({ binding }: { binding: SchoolBinding }) {
  if (binding.status === 'loading') return <Text className="school-confirm__hint">正在确认学校…</Text>;
  if (binding.status === 'error') {
    return (
      <Text className="school-confirm__problem" id="school-confirm-error">
        {binding.message}
      </Text>
    );
  }
  return (
    <View className="school-confirm" id="school-confirm">
      <Text className="school-confirm__name" id="school-confirm-name">
        您正在评价：{binding.name}
      </Text>
      {binding.bound ? null : (
        <View className="school-confirm__unbound">
          <Text className="school-confirm__hint">请确认孩子在该校就读；绑定后才能提交本问卷</Text>
          <Button
            id="school-confirm-bind"
            className="school-confirm__bind"
            disabled={binding.binding || undefined}
            onClick={() => void binding.bind()}
          >
            {binding.binding ? '正在绑定…' : '确认并绑定该学校'}
          </Button>
          {binding.problem ? (
            <Text className="school-confirm__problem" id="school-confirm-problem">
              {binding.problem}
            </Text>
          ) : null}
        </View>
      )}
    </View>
  );
}
