import { Image, Text, View } from '@tarojs/components';
import type { NewsSummary } from '../../../../../shared';
import { assetUrl } from '../../../api/news';
import { Tag, type TagTone } from '../../../components/tag/Tag';
import { beijingTime } from '../../../utils/time';
import './news-card.scss';

export const STATUS: Record<NewsSummary['status'], string> = {
  draft: '草稿',
  scheduled: '定时',
  published: '已发布',
  unpublished: '已撤回',
};
/** Told apart at a glance: live is green, waiting blue, withdrawn orange, a draft grey. */
const STATUS_TONE: Record<NewsSummary['status'], TagTone> = { draft: 'grey', scheduled: 'blue', published: 'green', unpublished: 'orange' };

export function NewsStatusTag({ status }: { status: NewsSummary['status'] }) {
  return (
    <Tag tone={STATUS_TONE[status]} className="news-card__status">
      {STATUS[status]}
    </Tag>
  );
}

export interface NewsCardProps {
  item: NewsSummary;
  /** The feed spans groups, so it names each item's group. */
  showGroup?: boolean;
  /** Admin lists show the status instead of 已读/未读. */
  showStatus?: boolean;
  onTap: () => void;
}

/** One item of a news list: cover (≤ 200 KB by upload rule), title, summary, tags and meta. */
export function NewsCard({ item, showGroup, showStatus, onTap }: NewsCardProps) {
  const when = item.publishAt ? beijingTime(item.publishAt) : '未发布';
  const meta = [showGroup ? item.groupName : null, when, `阅读 ${item.readCount}`].filter(Boolean).join(' · ');
  return (
    <View className="news-card" id={`news-${item.id}`} hoverClass="news-card--pressed" onClick={onTap}>
      <View className="news-card__body">
        <View className="news-card__head">
          {item.pinned ? <Tag tone="orange">置顶</Tag> : null}
          {showStatus ? <NewsStatusTag status={item.status} /> : null}
          {!showStatus && item.read === false ? (
            <Tag tone="blue" className="news-card__unread">
              未读
            </Tag>
          ) : null}
          {!showStatus && item.read === true ? <Text className="news-card__read">已读</Text> : null}
          <Text className="news-card__title">{item.title}</Text>
        </View>
        {item.summary ? <Text className="news-card__summary">{item.summary}</Text> : null}
        <Text className="news-card__meta">{meta}</Text>
      </View>
      {item.cover ? <Image className="news-card__cover" src={assetUrl(item.cover.url)} mode="aspectFill" lazyLoad /> : null}
    </View>
  );
}
