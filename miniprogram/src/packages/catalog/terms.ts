/**
 * termLabel and previousTerm of shared/catalog/terms.ts, which cannot be imported as values here:
 * that module builds a zod schema at load, and zod stays out of the mini-program. Same rule, same
 * words (2026-1 = 2026—2027学年第一学期); remove once shared splits its functions from the schema.
 */
export function termLabel(term: string): string {
  const year = Number(term.slice(0, 4));
  return `${year}—${year + 1}学年第${term.endsWith('-1') ? '一' : '二'}学期`;
}

export function previousTerm(term: string): string {
  const year = Number(term.slice(0, 4));
  return term.endsWith('-2') ? `${year}-1` : `${year - 1}-2`;
}

export function nextTerm(term: string): string {
  const year = Number(term.slice(0, 4));
  return term.endsWith('-1') ? `${year}-2` : `${year + 1}-1`;
}
