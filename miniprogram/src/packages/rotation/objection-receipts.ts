import Taro from '@tarojs/taro';

/**
 * 我的异议 receipts, kept on this phone only (Taro storage): the server stores no filer beside
 * an objection, so this list is the only link between a teacher and what they filed. Deleting
 * the app's data forgets them.
 */
const KEY = 'jituan.objection-receipts';
/** Enough for years of 公示; the oldest go first beyond it. */
const KEPT_MAX = 50;

export function readReceipts(): string[] {
  const stored = Taro.getStorageSync(KEY) as string[] | '' | undefined;
  return Array.isArray(stored) ? stored.filter((r) => typeof r === 'string') : [];
}

/** Newest first. */
export function keepReceipt(receipt: string): void {
  Taro.setStorageSync(KEY, [receipt, ...readReceipts().filter((r) => r !== receipt)].slice(0, KEPT_MAX));
}
