import { Image, Text, View } from '@tarojs/components';
import { assetUrl, getNews } from '../../../api/news';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { requireId, usePageId } from '../../../hooks/usePageId';
import { SharePanel } from '../../../components/share/SharePanel';
import { useShareCard, useTimelineCard } from '../../../components/share/use-share-card';
import { newsCard } from '../../../utils/share/page-cards';
import { beijingTime } from '../../../utils/time';
import { NewsBody } from '../components/NewsBody';
import './index.scss';

/** One news item; opening it while signed in counts me as a reader (once, ever). */
export default function NewsDetailPage() {
  const id = usePageId();
  const news = useAsync(async () => (requireId(id, '动态'), getNews(id)), [id]);
  useNavigationTitle(news.status === 'ready' ? news.data.groupName : undefined);
  const loaded = news.status === 'ready' ? news.data : undefined;
  const card = newsCard(id, loaded && { ...loaded, coverUrl: loaded.cover ? assetUrl(loaded.cover.url) : undefined });
  useShareCard(card);
  useTimelineCard(card);
  if (news.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (news.status === 'error') return <StatusView kind="error" message={news.message} onRetry={news.reload} />;
  const item = news.data;
  return (
    <View className="page news-detail">
      <Section>
        <Text className="news-detail__title" id="news-title">
          {item.title}
        </Text>
        <Text className="news-detail__meta">
          {item.authorName} · {item.publishAt ? beijingTime(item.publishAt) : ''} · <Text id="news-read-count">阅读 {item.readCount}</Text>
        </Text>
        {item.cover ? <Image className="news-detail__cover" src={assetUrl(item.cover.url)} mode="widthFix" /> : null}
        <NewsBody item={item} />
      </Section>
      <SharePanel card={card} />
    </View>
  );
}
