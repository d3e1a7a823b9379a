import { RECOGNITION_BAR } from './survey-indicator';
import { compare, divide, rational, sum, type Rational } from './exact-decimal';

/** One likert question of a unit, as the (audited) results show it. */
export interface ShownLikert {
  dimension: string;
  /** false: 样本不足 for this unit. */
  shown: boolean;
  /** counts[v − 1]: answers with value v (1 least favourable … k most), 不了解 excluded. */
  counts: number[];
  /** How many top options count as 认可 under the district's definition (recognition.ts). */
  recognisedBoxes: number;
}

/**
 * The exact per-question measures, as fractions:
 *   index        = 100 · (Σ v·c_v − n) / (n · (k − 1))
 *   satisfaction = 100 · (answers in the top `recognisedBoxes`) / n
 */
export function exactQuestionMeasure(q: ShownLikert, measure: 'index' | 'satisfaction'): Rational | null {
  const n = q.counts.reduce((a, b) => a + b, 0);
  if (!q.shown || n === 0) return null;
  if (measure === 'satisfaction') return rational(100 * q.counts.slice(q.counts.length - q.recognisedBoxes).reduce((a, b) => a + b, 0), n);
  const total = q.counts.reduce((s, c, i) => s + c * (i + 1), 0);
  return rational(100 * (total - n), n * (q.counts.length - 1));
}

/**
 * A survey-fed indicator, exact: the mean over the unit's questions tagged with the chosen
 * dimensions (all, if none) of the chosen measure; 数据不足 (null) if any is hidden or empty.
 */
export function exactSurveyIndicator(
  questions: ShownLikert[],
  dimensions: string[],
  measure: 'index' | 'satisfaction',
): { value: Rational | null; meetsRecognitionBar: boolean | null } {
  const relevant = questions.filter((q) => dimensions.length === 0 || dimensions.includes(q.dimension));
  const values = relevant.map((q) => exactQuestionMeasure(q, measure));
  if (relevant.length === 0 || values.some((v) => v === null)) return { value: null, meetsRecognitionBar: null };
  const value = divide(sum(values as Rational[]), rational(values.length));
  return {
    value,
    meetsRecognitionBar: measure === 'satisfaction' ? compare(value, rational(Math.round(RECOGNITION_BAR * 100))) >= 0 : null,
  };
}
