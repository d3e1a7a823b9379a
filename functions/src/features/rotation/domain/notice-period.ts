import type { BatchStatus, StoredBatchStatus } from '../../../../../shared';

/** China has one time zone and no daylight saving: local date = UTC + 8 h. */
const CHINA_OFFSET_MS = 8 * 3_600_000;
export const chinaDate = (now: Date) => new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/**
 * What the public sees. 已生效 is not a stored state: a published batch takes effect the day
 * after its 公示期 ends, with no job to run and no moment at which it can be missed.
 */
export function batchStatus(stored: StoredBatchStatus, noticeEnd: string, now: Date): BatchStatus {
  if (stored !== 'published') return stored;
  return chinaDate(now) <= noticeEnd ? 'publicizing' : 'effective';
}

/** Objections are taken from the first to the last day of the 公示期, both whole days (China time). */
export function inNoticePeriod(period: { noticeStart: string; noticeEnd: string }, now: Date): boolean {
  const today = chinaDate(now);
  return today >= period.noticeStart && today <= period.noticeEnd;
}
