import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { messageOf } from '../../../api/api-error';
import { useMe } from '../../../auth/useMe';
import { listGroupNews, listMyNews, subscribeGroupNews } from '../../../api/news';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { newsPageUrl, openPage } from '../../../utils/routes';
import { NewsList } from '../components/NewsList';
import { useNewsPages } from '../use-news-pages';
import '../components/news-card.scss';

const TEMPLATE_ID = process.env.TARO_APP_NEWS_TEMPLATE_ID || '';

/**
 * 订阅本集团动态: WeChat asks the user (a tap is required), and each 接受 is one message the
 * server may send. Only in the weapp, and only when a template is configured.
 */
async function subscribe(groupId: string) {
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID], entityIds: [] })) as Record<string, string>;
    if (answer[TEMPLATE_ID] !== 'accept') return;
    await subscribeGroupNews(groupId);
    void Taro.showToast({ title: '已订阅下一条动态', icon: 'success' });
  } catch (error) {
    void Taro.showToast({ title: messageOf(error), icon: 'none' });
  }
}

/** A group's news (?group=…), or 我的动态 across my groups (no parameter). */
export default function NewsListPage() {
  const { params } = useRouter();
  const groupId = params.group ? decodeURIComponent(params.group) : '';
  useNavigationTitle(groupId ? '集团动态' : '我的动态');
  const pages = useNewsPages((cursor) => (groupId ? listGroupNews(groupId, cursor) : listMyNews(cursor)), [groupId]);
  const { me } = useMe();
  // A parent who has bound a school and sees nothing: there is simply no news yet, not a missing binding.
  const bound = Boolean(me?.schools.length) || Boolean(me?.roles.some((r) => r.role !== 'parent'));
  const empty = groupId
    ? '本集团暂无动态'
    : bound
      ? '没有新动态：你的学校所在集团还没有发布动态'
      : '你的学校所在集团暂无动态；可在「我的」中绑定学校';
  return (
    <View className="page news-list">
      {groupId && TEMPLATE_ID && process.env.TARO_ENV === 'weapp' ? (
        <Button className="news-subscribe" size="mini" onClick={() => void subscribe(groupId)}>
          订阅本集团动态
        </Button>
      ) : null}
      <NewsList pages={pages} empty={empty} open={(id) => openPage(newsPageUrl(id))} card={{ showGroup: !groupId }} />
    </View>
  );
}
