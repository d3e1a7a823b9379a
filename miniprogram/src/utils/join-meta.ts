/** "济南市市中区 · 小学": the parts that are known, joined; empty parts are skipped. */
export function joinMeta(...parts: Array<string | null | undefined>): string {
  return parts.filter(Boolean).join(' · ');
}
