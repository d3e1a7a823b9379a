import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { toAppMessage, toTimeline, type ShareCard } from '../../utils/share/share-card';

/**
 * The page's card for sharing to a chat. Taro keeps the latest callback, so the card WeChat asks
 * for is the one of the content on screen. The page config must set enableShareAppMessage.
 * One per page: when a page registers several, WeChat gets only the first one's answer.
 */
export function useShareCard(card: ShareCard): void {
  useShareAppMessage(() => toAppMessage(card));
}

/**
 * The page's card for 朋友圈 (enableShareTimeline in the page config). Only for pages that read
 * without signing in: 朋友圈 opens a page in 单页模式, where there is no login.
 */
export function useTimelineCard(card: ShareCard): void {
  useShareTimeline(() => toTimeline(card));
}
