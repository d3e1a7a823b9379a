import { Text } from '@tarojs/components';

export function ArchivedTag({ archivedAt }: { archivedAt: string | null }) {
  return archivedAt ? <Text className="catalog-archived__tag">已归档</Text> : null;
}
