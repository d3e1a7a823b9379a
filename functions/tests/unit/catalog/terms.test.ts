import { firstTermOf, inForce, nextTerm, previousTerm, schoolYearOf, termLabel, termOf, termStartDate } from '../../../../shared';

describe('school terms', () => {
  it.each([
    // 第一学期 runs from 1 September to 31 January, China Standard Time.
    ['2026-09-01T00:00:00+08:00', '2026-1'],
    ['2026-12-02T13:40:00Z', '2026-1'],
    ['2027-01-31T23:59:59+08:00', '2026-1'],
    // 1 February, 00:00 in Beijing, is still 31 January in UTC: the term follows Beijing.
    ['2027-01-31T16:00:00Z', '2026-2'],
    ['2027-08-31T12:00:00+08:00', '2026-2'],
    ['2026-08-31T16:00:00Z', '2026-1'],
  ])('puts %s in term %s', (at, term) => {
    // Act / Assess
    expect(termOf(at)).toBe(term);
  });

  it('steps forward and back across school years', () => {
    // Act / Assess
    expect(nextTerm('2026-1')).toBe('2026-2');
    expect(nextTerm('2026-2')).toBe('2027-1');
    expect(previousTerm('2027-1')).toBe('2026-2');
    expect(previousTerm('2026-2')).toBe('2026-1');
  });

  it('labels a term the way schools write it, with its first day and school year', () => {
    // Act / Assess
    expect(termLabel('2026-1')).toBe('2026—2027学年第一学期');
    expect(termLabel('2025-2')).toBe('2025—2026学年第二学期');
    expect(termStartDate('2026-2')).toBe('2027-02-01');
    expect(schoolYearOf('2026-2')).toBe('2026-2027');
    expect(firstTermOf('2026-2027')).toBe('2026-1');
  });

  it('sorts term ids as the terms follow each other', () => {
    // Prepare
    const terms = ['2027-1', '2025-2', '2026-2', '2026-1'];
    // Act
    const sorted = [...terms].sort();
    // Assess
    expect(sorted).toEqual(['2025-2', '2026-1', '2026-2', '2027-1']);
  });

  it('holds a dated membership in force from its first term up to, not including, its end', () => {
    // Prepare
    const period = { fromTerm: '2025-2', untilTerm: '2026-2' };
    // Act / Assess
    expect(['2025-1', '2025-2', '2026-1', '2026-2'].map((t) => inForce(period, t))).toEqual([false, true, true, false]);
    expect(inForce({}, '1999-1')).toBe(true);
    expect(inForce({ untilTerm: '2026-1' }, '2025-2')).toBe(true);
  });
});
