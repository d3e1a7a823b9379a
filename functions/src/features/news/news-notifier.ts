import { randomUUID } from 'node:crypto';
import type { NewsSubscribed } from '../../../../shared';
import { ApiError, ConflictError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import type { NewsGroups } from './news-groups';
import type { NewsItem } from './news-items';

type Deps = Pick<Infrastructure, 'news' | 'config' | 'wechat' | 'logger' | 'now'>;

/** WeChat lets consents pile up per template; more than this waiting per group is not useful. */
export const SUBSCRIPTIONS_PER_GROUP_MAX = 20;

/** thing fields take at most 20 characters. */
const thing = (text: string) => ({ value: [...text].slice(0, 20).join('') });

/** China time for the message's time field (WeChat shows it as given). */
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 订阅本集团动态: each tap in the mini-program grants one one-time consent, stored with the
 * openid WeChat needs; each publication of the group uses (and deletes) one per user.
 */
export class NewsNotifier {
  constructor(
    private readonly deps: Deps,
    private readonly groups: NewsGroups,
  ) {}

  async subscribe(user: RequestUser, groupId: string): Promise<NewsSubscribed> {
    const { config, news, now } = this.deps;
    if (!config.newsTemplateId) throw new ConflictError('NEWS_SUBSCRIBE_OFF', '订阅消息暂未开通');
    // Only a WeChat login knows the openid; a message cannot be delivered to anyone else.
    if (!user.openid) throw new ValidationError('请在微信小程序中订阅', undefined, 'SUBSCRIBE_NEEDS_WECHAT');
    if (!(await this.groups.find(groupId))) throw new ValidationError('未找到该教育集团', undefined, 'GROUP_NOT_FOUND');
    const pending = await news.countSubscriptions(user.userKey, groupId);
    if (pending >= SUBSCRIPTIONS_PER_GROUP_MAX) return { pending };
    await news.putSubscription({
      kind: 'news-subscription',
      id: randomUUID(),
      groupId,
      userKey: user.userKey,
      openid: user.openid,
      templateId: config.newsTemplateId,
      createdAt: now().toISOString(),
    });
    return { pending: pending + 1 };
  }

  /**
   * Sends one message per subscriber; a failure for one person never stops the others or the
   * publication. The group's name comes from the publisher, who has read the group already.
   */
  async notify(item: NewsItem, groupName: string): Promise<{ sent: number; refused: number; failed: number }> {
    const result = { sent: 0, refused: 0, failed: 0 };
    if (!this.deps.config.newsTemplateId) return result;
    for (const subscription of await this.deps.news.takeSubscriptions(item.groupId)) {
      try {
        const outcome = await this.deps.wechat.sendSubscribeMessage({
          openid: subscription.openid,
          templateId: subscription.templateId,
          page: `packages/news/detail/index?id=${item.id}`,
          data: { thing1: thing(item.title), thing2: thing(groupName), time3: { value: chinaTime(item.publishAt!) } },
        });
        result[outcome === 'sent' ? 'sent' : 'refused']++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        result.failed++;
      }
    }
    // Counts only: who was told is nobody's business in a log.
    this.deps.logger.info({ newsId: item.id, ...result }, 'news notifications');
    return result;
  }
}
