import fc from 'fast-check';
import { addDays, addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../src/features/rotation/domain/working-days';
import { batchStatus, chinaDate, inNoticePeriod } from '../../../src/features/rotation/domain/notice-period';

const date = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('working days (docs/rotation.md)', () => {
  it('counts five working days from a Monday to the next Monday', () => {
    expect(addWorkingDays('2026-11-23', 5)).toBe('2026-11-30');
  });

  it('skips the weekend when starting on a Thursday', () => {
    expect(addWorkingDays('2026-11-26', 5)).toBe('2026-12-03');
  });

  it('skips a Saturday start straight to the following Friday', () => {
    expect(addWorkingDays('2026-11-28', 5)).toBe('2026-12-04');
  });

  it('skips the configured holidays (国庆 2026: 1–7 October)', () => {
    const national = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    expect(addWorkingDays('2026-09-29', 5, { holidays: national })).toBe('2026-10-13');
  });

  it('counts a 调休 weekend working day (here a configured Saturday) toward the period', () => {
    expect(addWorkingDays('2026-11-23', 5, { makeupWorkdays: ['2026-11-28'] })).toBe('2026-11-28');
    expect(workingDaysBetween('2026-11-27', '2026-11-30', { makeupWorkdays: ['2026-11-28'] })).toBe(2);
  });

  it('rejects a non-positive count', () => {
    expect(() => addWorkingDays('2026-11-23', 0)).toThrow(RangeError);
  });

  it('lands on a working day exactly n working days later, for any start, n and holidays', () => {
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 1, max: 30 }),
        fc.array(date, { maxLength: 20 }),
        fc.array(date, { maxLength: 5 }),
        (start, n, holidays, makeupWorkdays) => {
          const calendar = { holidays, makeupWorkdays };
          const end = addWorkingDays(start, n, calendar);
          expect(end > start).toBe(true);
          expect(isWorkingDay(end, calendar)).toBe(true);
          expect(workingDaysBetween(start, end, calendar)).toBe(n);
          expect(workingDaysBetween(start, addDays(end, -1), calendar)).toBe(n - 1);
        },
      ),
    );
  });

  it('never ends earlier with more holidays', () => {
    fc.assert(
      fc.property(date, fc.array(date, { maxLength: 10 }), date, (start, holidays, extra) => {
        expect(addWorkingDays(start, 5, { holidays: [...holidays, extra] }) >= addWorkingDays(start, 5, { holidays })).toBe(true);
      }),
    );
  });
});

describe('notice period', () => {
  const period = { noticeStart: '2026-11-23', noticeEnd: '2026-11-30' };

  it('uses the China date: 23:30 UTC is already the next day in 济南', () => {
    expect(chinaDate(new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
    expect(chinaDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });

  it('takes objections on the first and last day, not the day before or after', () => {
    expect(inNoticePeriod(period, new Date('2026-11-22T15:59:59Z'))).toBe(false);
    expect(inNoticePeriod(period, new Date('2026-11-22T16:00:00Z'))).toBe(true);
    expect(inNoticePeriod(period, new Date('2026-11-30T15:59:59Z'))).toBe(true);
    expect(inNoticePeriod(period, new Date('2026-11-30T16:00:00Z'))).toBe(false);
  });

  it('shows a published batch as 公示中 until its last day, then 已生效', () => {
    expect(batchStatus('published', period.noticeEnd, new Date('2026-11-30T12:00:00Z'))).toBe('publicizing');
    expect(batchStatus('published', period.noticeEnd, new Date('2026-12-01T01:00:00Z'))).toBe('effective');
    expect(batchStatus('draft', period.noticeEnd, new Date('2027-01-01T00:00:00Z'))).toBe('draft');
    expect(batchStatus('withdrawn', period.noticeEnd, new Date('2026-11-24T00:00:00Z'))).toBe('withdrawn');
  });
});
