/**
 * School terms (学期), the unit a catalogue change takes effect from. `2026-1` is 2026—2027学年
 * 第一学期, `2026-2` its 第二学期. The ids sort as the terms follow each other, so a term range
 * is a pair of string comparisons and a DynamoDB sort key can carry one.
 *
 * Boundaries (a named, fixed rule; docs/catalogue.md): 第一学期 runs from 1 September to
 * 31 January, 第二学期 from 1 February to 31 August. A date in 寒假 therefore counts to the
 * autumn term and one in 暑假 to the spring term, which is where its surveys and scores belong.
 * Dates are read in China Standard Time (UTC+8), whatever the server's zone.
 */

/** Validated by TermIdSchema (term-id.ts), kept apart so the mini-program imports this file without zod. */
export type TermId = string;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The term a moment falls in (China Standard Time). */
export function termOf(at: Date | string | number): TermId {
  const cst = new Date(new Date(at).getTime() + CST_OFFSET_MS);
  const year = cst.getUTCFullYear();
  const month = cst.getUTCMonth() + 1;
  if (month >= 9) return `${year}-1`;
  if (month === 1) return `${year - 1}-1`;
  return `${year - 1}-2`;
}

export function nextTerm(term: TermId): TermId {
  const [year, half] = splitTerm(term);
  return half === 1 ? `${year}-2` : `${year + 1}-1`;
}

export function previousTerm(term: TermId): TermId {
  const [year, half] = splitTerm(term);
  return half === 2 ? `${year}-1` : `${year - 1}-2`;
}

/** 2026—2027学年第一学期 */
export function termLabel(term: TermId): string {
  const [year, half] = splitTerm(term);
  return `${year}—${year + 1}学年第${half === 1 ? '一' : '二'}学期`;
}

/** The first day of a term, YYYY-MM-DD (China Standard Time). */
export function termStartDate(term: TermId): string {
  const [year, half] = splitTerm(term);
  return half === 1 ? `${year}-09-01` : `${year + 1}-02-01`;
}

/** The school year (2026-2027, as rotation counts it) a term belongs to. */
export function schoolYearOf(term: TermId): string {
  const [year] = splitTerm(term);
  return `${year}-${year + 1}`;
}

/** The first term of a school year (2026-2027 → 2026-1). */
export function firstTermOf(schoolYear: string): TermId {
  return `${schoolYear.slice(0, 4)}-1`;
}

function splitTerm(term: TermId): [number, 1 | 2] {
  return [Number(term.slice(0, 4)), term.endsWith('-1') ? 1 : 2];
}

/**
 * A dated membership: in force from `fromTerm` (absent: since before the platform kept
 * records) up to, not including, `untilTerm` (absent: still in force).
 */
export interface TermRange {
  fromTerm?: TermId;
  untilTerm?: TermId;
}

export function inForce(range: TermRange, term: TermId): boolean {
  return (range.fromTerm === undefined || range.fromTerm <= term) && (range.untilTerm === undefined || term < range.untilTerm);
}
