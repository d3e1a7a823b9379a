/**
 * Calendar dates (YYYY-MM-DD, China local) and working days. Pure: no clock, no time zone of
 * the machine; a date is handled as a UTC midnight only to step through the calendar.
 */
const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => toDate(toTime(date) + days * DAY_MS);

/** A district's calendar: public holidays, and 调休 weekend dates that are working days. */
export interface WorkCalendar {
  holidays?: readonly string[];
  makeupWorkdays?: readonly string[];
}

function calendarTest({ holidays = [], makeupWorkdays = [] }: WorkCalendar): (date: string) => boolean {
  const off = new Set(holidays);
  const on = new Set(makeupWorkdays);
  return (date) => {
    if (on.has(date)) return true;
    const weekday = new Date(toTime(date)).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !off.has(date);
  };
}

export const isWorkingDay = (date: string, calendar: WorkCalendar = {}) => calendarTest(calendar)(date);

/**
 * The date `n` working days after `start` (n ≥ 1): step one day at a time, counting weekdays
 * that are not holidays, and 调休 weekend days; the start day itself is not counted.
 *   addWorkingDays(Mon 2026-11-23, 5) = Mon 2026-11-30
 *   with Sat 2026-11-28 a 调休 working day: Sat 2026-11-28
 * A holiday list is finite, so the loop ends after at most n + holidays + 2 per week of steps.
 */
export function addWorkingDays(start: string, n: number, calendar: WorkCalendar = {}): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('n must be a positive integer');
  const working = calendarTest(calendar);
  let date = start;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (working(date)) counted++;
  }
  return date;
}

/** Working days in (from, to]: the inverse of addWorkingDays. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar = {}): number {
  const working = calendarTest(calendar);
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (working(date)) count++;
  return count;
}

export const NOTICE_WORKING_DAYS = 5;
