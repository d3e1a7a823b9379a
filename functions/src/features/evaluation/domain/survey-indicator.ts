/** What the survey results give an indicator, per unit (school, group, district). */
export interface LikertCell {
  suppressed: boolean;
  dimension: string;
  /** 0–100 */
  index: number | null;
  /** 0–1 */
  satisfactionRate: number | null;
}

export const RECOGNITION_BAR = 0.85;

export interface SurveyIndicatorScore {
  /** 0–100, or null: 数据不足 (suppressed or no answers), never zero. */
  score: number | null;
  /** 优质均衡: 社会认可度 ≥ 85 %, when the measure is the satisfaction rate. */
  meetsRecognitionBar: boolean | null;
}

/**
 * A survey-fed indicator for one unit: the mean, over the unit's likert questions tagged with
 * the chosen dimensions (all, if none chosen), of the chosen measure (index 0–100, or the
 * satisfaction rate × 100). If any of those questions is suppressed for the unit, the unit has
 * 数据不足: a mean over the questions that happen to be shown could be steered by suppression.
 */
export function surveyIndicatorScore(cells: LikertCell[], dimensions: string[], measure: 'index' | 'satisfaction'): SurveyIndicatorScore {
  const relevant = cells.filter((c) => dimensions.length === 0 || dimensions.includes(c.dimension));
  const values = relevant.map((c) =>
    c.suppressed ? null : measure === 'index' ? c.index : c.satisfactionRate === null ? null : c.satisfactionRate * 100,
  );
  if (relevant.length === 0 || values.some((v) => v === null)) return { score: null, meetsRecognitionBar: null };
  const score = (values as number[]).reduce((a, b) => a + b, 0) / values.length;
  return { score, meetsRecognitionBar: measure === 'satisfaction' ? score >= RECOGNITION_BAR * 100 : null };
}
