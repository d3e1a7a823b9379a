/**
 * Calendar dates (YYYY-MM-DD, China local) and working days. Pure: no clock, no time zone of
 * the machine; a date is handled as a UTC midnight only to step through the calendar.
 */
const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY_MS);

export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(toTime(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/**
 * The date `n` working days after `start` (n ≥ 1): step one day at a time, counting only
 * weekdays not in `holidays`; the start day itself is not counted.
 *   addWorkingDays(Mon 2026-11-23, 5) = Mon 2026-11-30
 * A holiday list is finite, so the loop ends after at most n + holidays + 2 per week of steps.
 */
export function addWorkingDays(start: string, n: number, holidays: readonly string[] = []): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  const skip = new Set(holidays);
  let date = start;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, skip)) counted++;
  }
  return date;
}

/** Working days in (from, to]: the inverse of addWorkingDays. */
export function workingDaysBetween(from: string, to: string, holidays: readonly string[] = []): number {
  const skip = new Set(holidays);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (isWorkingDay(date, skip)) count++;
  return count;
}

export const NOTICE_WORKING_DAYS = 5;
