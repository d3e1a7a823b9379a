import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useReshow } from '../../../hooks/useReshow';
import type { NewsPages } from '../use-news-pages';
import { NewsCard, type NewsCardProps } from './NewsCard';

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
  if (pages.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (pages.status === 'error') return <StatusView kind="error" message={pages.message} onRetry={() => void pages.refresh()} />;
  if (pages.items.length === 0) return <StatusView kind="empty" message={empty} />;
  return (
    <Section>
      {pages.items.map((item) => (
        <NewsCard key={item.id} item={item} onTap={() => open(item.id)} {...card} />
      ))}
      <View className="news-more" id="news-more" onClick={() => void pages.loadMore()}>
        <Text>{pages.loadingMore ? '正在加载…' : pages.canLoadMore ? '加载更多' : '没有更多了'}</Text>
      </View>
    </Section>
  );
}
