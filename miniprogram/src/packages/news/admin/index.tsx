import { Button, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { NewsStatus } from '../../../../../shared';
import { listAdminNews } from '../../../api/news';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { newsEditorUrl, openPage } from '../../../utils/routes';
import { NewsList } from '../components/NewsList';
import { useNewsPages } from '../use-news-pages';
import { withFreshItems } from './fresh-items';
import { useAdminGroups } from './use-admin-groups';
import './index.scss';

const FILTERS: Array<{ label: string; status: NewsStatus | null }> = [
  { label: '全部', status: null },
  { label: '草稿', status: 'draft' },
  { label: '定时', status: 'scheduled' },
  { label: '已发布', status: 'published' },
  { label: '已撤回', status: 'unpublished' },
];

/** 动态管理: a group's items in every status (drafts and scheduled ones included), and 新建动态. */
export default function AdminNewsPage() {
  const admin = useAdminGroups();
  const [groupIndex, setGroupIndex] = useState(0);
  const [filter, setFilter] = useState<NewsStatus | null>(null);
  const group = admin.groups[groupIndex];
  const pages = useNewsPages(async (cursor) => (group ? listAdminNews(group.id, cursor) : { items: [], nextCursor: null }), [group?.id]);
  if (admin.loading) return <StatusView kind="loading" message="正在加载…" />;
  if (admin.error) return <StatusView kind="error" message={admin.error} onRetry={admin.reload} />;
  if (!group) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  // What this admin just saved or published shows as it now is, even if the index lags.
  const items = withFreshItems(group.id, pages.items);
  const shown = { ...pages, items: filter ? items.filter((i) => i.status === filter) : items };
  return (
    <View className="page page--wide news-admin">
      <Section>
        <Picker
          mode="selector"
          range={admin.groups.map((g) => g.name)}
          value={groupIndex}
          onChange={(e) => setGroupIndex(Number(e.detail.value))}
        >
          <Text className="news-admin__group" id="news-admin-group">
            {group.name} ▾
          </Text>
        </Picker>
        <View className="chips">
          {FILTERS.map((f) => (
            <Text key={f.label} className={`chip${filter === f.status ? ' chip--selected' : ''}`} onClick={() => setFilter(f.status)}>
              {f.label}
            </Text>
          ))}
        </View>
        <Button className="news-admin__new" id="news-new" type="primary" size="mini" onClick={() => openPage(newsEditorUrl(group.id))}>
          新建动态
        </Button>
      </Section>
      <NewsList pages={shown} empty="暂无动态" open={(id) => openPage(newsEditorUrl(group.id, id))} card={{ showStatus: true }} />
    </View>
  );
}
