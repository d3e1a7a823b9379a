/**
 * What the compliance API answers (functions/src/features/rotation/rotation-compliance.ts), shared so
 * the admin page reads exactly what the server writes. Formulas: docs/rotation.md.
 */
export interface ComplianceFigures {
  /** rotating / eligible; null when no eligible count is known (or it is 0). */
  rotatingShare: number | null;
  /** backbone / rotating; null when nobody rotates. */
  backboneShare: number | null;
  rotatingRequired: number | null;
  /** Teachers still missing: "还需 3 名". */
  rotatingShortfall: number | null;
  backboneRequired: number;
  backboneShortfall: number;
  /** True when either share is below its threshold; a unit whose eligible count is not entered yet is not flagged (待填写). */
  flagged: boolean;
}

export interface ComplianceUnit extends ComplianceFigures {
  level: 'school' | 'group' | 'district';
  id: string;
  name: string;
  eligible: number | null;
  rotating: number;
  backbone: number;
  rotatingShortfallText: string;
  backboneShortfallText: string;
}

export interface ComplianceReport {
  districtId: string;
  schoolYear: string;
  thresholds: { rotatingPct: number; backbonePct: number };
  units: ComplianceUnit[];
}
