/**
 * The manual-score import (zod-free, for the app too): its columns, and what a preview or an
 * apply answers. One row per school × manual indicator (docs/evaluation.md).
 */
export const SCORE_COLUMNS = [
  { key: 'school', header: '学校' },
  { key: 'indicator', header: '指标' },
  { key: 'score', header: '分数' },
  { key: 'evidence', header: '佐证材料' },
  { key: 'enteredBy', header: '录入人' },
] as const;
export type ScoreColumnKey = (typeof SCORE_COLUMNS)[number]['key'];

/** One file's rows at most: a district of 60 schools with 20 manual indicators each. */
export const SCORE_IMPORT_MAX_ROWS = 1200;
/** The file as base64 (a 1,200-row XLSX is about 60 KB). */
export const SCORE_IMPORT_FILE_BASE64_MAX = 2_000_000;

/** A problem of one cell: 第 {row} 行 {column}：{message}. */
export interface ScoreImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface ScoreImportPreview {
  /** true once stored (apply: true and no errors). */
  applied: boolean;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows with school and indicator but no score, evidence or 录入人: left as they are (not imported). */
  skipped: number;
  errors: ScoreImportIssue[];
  changes: {
    /** Scores a school had not had for that indicator. */
    added: number;
    /** Scores that replace a different stored one. */
    updated: number;
    /** Rows equal to what is stored (a re-import): nothing is written for them. */
    unchanged: number;
  };
}
