import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useReshow } from '../../../hooks/useReshow';
import type { NewsPages } from '../use-news-pages';
import { DataTable } from '../../../components/data-table/DataTable';
import { useWideScreen } from '../../../hooks/useWideScreen';
import { beijingTime } from '../../../utils/time';
import { NewsCard, NewsStatusTag, type NewsCardProps } from './NewsCard';

export interface NewsListProps {
  pages: NewsPages;
  empty: string;
  open: (id: string) => void;
  card?: Pick<NewsCardProps, 'showGroup' | 'showStatus'>;
}

/** A news list with pull-to-refresh, load-more on reaching the bottom (and a 加载更多 line), and its states. */
export function NewsList({ pages, empty, open, card }: NewsListProps) {
  usePullDownRefresh(() => void pages.refresh().finally(() => Taro.stopPullDownRefresh()));
  useReachBottom(() => void pages.loadMore());
  // Back from a detail page: its 已读 mark and read count are new.
  useReshow(() => void pages.refresh());
  // An admin list at desktop width: a table (title, status, time, readers) rather than cards.
  const asTable = useWideScreen() && Boolean(card?.showStatus);
  if (pages.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (pages.status === 'error') return <StatusView kind="error" message={pages.message} onRetry={() => void pages.refresh()} />;
  if (pages.items.length === 0) return <StatusView kind="empty" message={empty} />;
  return (
    <Section>
      {asTable ? (
        <DataTable
          layout="table"
          rows={pages.items}
          rowKey={(item) => item.id}
          rowId={(item) => `news-${item.id}`}
          rowClassName={() => 'news-row'}
          onRowTap={(item) => open(item.id)}
          columns={[
            { key: 'title', title: '标题', grow: 4, render: (item) => `${item.pinned ? '【置顶】' : ''}${item.title}` },
            { key: 'status', title: '状态', render: (item) => <NewsStatusTag status={item.status} /> },
            { key: 'when', title: '发布时间', grow: 2, render: (item) => (item.publishAt ? beijingTime(item.publishAt) : '未发布') },
            { key: 'author', title: '作者', grow: 2, render: (item) => item.authorName },
            { key: 'reads', title: '阅读', render: (item) => String(item.readCount) },
          ]}
        />
      ) : (
        pages.items.map((item) => <NewsCard key={item.id} item={item} onTap={() => open(item.id)} {...card} />)
      )}
      <View className="news-more" id="news-more" onClick={() => void pages.loadMore()}>
        <Text>{pages.loadingMore ? '正在加载…' : pages.canLoadMore ? '加载更多' : '没有更多了'}</Text>
      </View>
    </Section>
  );
}
