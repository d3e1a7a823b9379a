/**
 * Rotation policy compliance (docs/rotation.md has worked examples, which the unit tests run).
 * Thresholds are whole percents, so every "required" count is exact integer arithmetic.
 */
import type { ComplianceFigures } from '../../../../../shared';

export interface ComplianceInput {
  /** Teachers of the unit eligible to rotate this school year (admin-entered); null = not entered. */
  eligible: number | null;
  /** Assignments counted for the unit (sending school) in published batches of the year. */
  rotating: number;
  /** Of those, 骨干 at any level (区级, 市级, 省级). */
  backbone: number;
  rotatingPct: number;
  backbonePct: number;
}

/** The figures of one unit (shared with the admin page). */
export type Compliance = ComplianceFigures;

/** required = ⌈base × pct / 100⌉ — the fewest whole teachers that reach pct % of base. */
export const requiredCount = (base: number, pct: number) => Math.ceil((base * pct) / 100);

/** shortfall = max(0, required − actual) */
export const shortfall = (required: number, actual: number) => Math.max(0, required - actual);

/**
 * rotatingShare = rotating / eligible          rotatingRequired = ⌈eligible × rotatingPct / 100⌉
 * backboneShare = backbone / rotating          backboneRequired = ⌈rotating × backbonePct / 100⌉
 * The 骨干 requirement is measured against those actually rotating, as the policy words it.
 */
export function compliance(input: ComplianceInput): Compliance {
  const { eligible, rotating, backbone, rotatingPct, backbonePct } = input;
  const known = eligible !== null && eligible > 0;
  const rotatingRequired = known ? requiredCount(eligible, rotatingPct) : null;
  const rotatingShortfall = rotatingRequired === null ? null : shortfall(rotatingRequired, rotating);
  const backboneRequired = requiredCount(rotating, backbonePct);
  const backboneShortfall = shortfall(backboneRequired, backbone);
  return {
    rotatingShare: known ? rotating / eligible : null,
    backboneShare: rotating > 0 ? backbone / rotating : null,
    rotatingRequired,
    rotatingShortfall,
    backboneRequired,
    backboneShortfall,
    flagged: !known || rotatingShortfall! > 0 || backboneShortfall > 0,
  };
}

/** The line an admin reads: "还需 3 名" or "" when met. */
export const shortfallText = (n: number | null) => (n && n > 0 ? `还需 ${n} 名` : '');
