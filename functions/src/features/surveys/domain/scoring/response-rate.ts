/** A raw response rate (every response counted); the published one is valid-return-rate.ts. */
export interface RawResponseRate {
  responses: number;
  enrolledFamilies: number | null;
  rate: number | null;
  low: boolean | null;
}

/** Below this share of enrolled families answering, results are flagged as weakly representative. */
export const LOW_RESPONSE_RATE = 0.7;

/** rate = responses / enrolled families; flagged when below 70 %. */
export function responseRate(responses: number, enrolledFamilies: number | null): RawResponseRate {
  if (!enrolledFamilies) return { responses, enrolledFamilies: enrolledFamilies ?? null, rate: null, low: null };
  const rate = responses / enrolledFamilies;
  return { responses, enrolledFamilies, rate, low: rate < LOW_RESPONSE_RATE };
}
