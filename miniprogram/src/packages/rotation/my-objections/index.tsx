import { Text, View } from '@tarojs/components';
import type { ApiResponse } from '../../../../../shared';
import { ApiError } from '../../../api/api-error';
import { getObjectionStatus } from '../../../api/rotation';
import { AsyncContent } from '../../../components/async-content/AsyncContent';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { beijingTime } from '../../../utils/time';
import { readReceipts } from '../objection-receipts';
import '../rotation.scss';

type Status = ApiResponse<'GET /api/rotation/objection-receipts/:receipt'>;

export const STATUS_LABELS: Record<Status['status'], string> = { pending: '待处理', resolved: '已处理' };

/** Every kept receipt's status; one the server no longer knows (404) is left out, not an error. */
async function loadStatuses(): Promise<Status[]> {
  const answers = await Promise.all(
    readReceipts().map((receipt) =>
      getObjectionStatus(receipt).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
    ),
  );
  return answers.filter((a): a is Status => a !== null);
}

/** 我的异议: the objections filed from this phone, 待处理 or 已处理 with the district's resolution. */
export default function MyObjectionsPage() {
  const state = useAsync(loadStatuses, []);
  return (
    <AsyncContent state={state} onRetry={state.reload}>
      {(items) =>
        items.length === 0 ? (
          <StatusView kind="empty" message="你在本机提交的异议会显示在这里" />
        ) : (
          <View className="page">
            {items.map((o) => (
              <Section key={o.id} title={o.batchTitle || '轮岗公示'} className="my-objection">
                <Text className={`my-objection__status my-objection__status--${o.status}`}>{STATUS_LABELS[o.status]}</Text>
                <Text className="field__hint">提交于 {beijingTime(o.createdAt)}</Text>
                <Text className="my-objection__text">{o.text}</Text>
                {o.resolution ? (
                  <Text className="my-objection__resolution">
                    处理结果：{o.resolution}
                    {o.resolvedAt ? `（${beijingTime(o.resolvedAt)}）` : ''}
                  </Text>
                ) : null}
              </Section>
            ))}
          </View>
        )
      }
    </AsyncContent>
  );
}
