import type { ScoreColumnKey, ScoreImportIssue } from '../../../../../shared/evaluation/score-import-columns';
import { SCORE_COLUMNS } from '../../../../../shared/evaluation/score-import-columns';

/** A manual indicator of the round, as the template names it (学校发展·学校发展综合评价). */
export interface ManualIndicatorRef {
  dimensionId: string;
  indicatorId: string;
  label: string;
}

/** What is stored for a school × indicator now, to tell added, updated and unchanged apart. */
export interface StoredScore {
  schoolId: string;
  dimensionId: string;
  indicatorId: string;
  score: number;
  evidence: string;
  enteredBy: string;
}

export interface ScoreRowContext {
  /** The round's district's schools; a row may name one by its full name, an alias (经五路小学) or its id. */
  schools: Array<{ id: string; name: string; aliases?: string[] }>;
  /** Every indicator of the round: survey-fed ones are named to say why they cannot be imported. */
  indicators: Array<ManualIndicatorRef & { manual: boolean }>;
  stored: StoredScore[];
  /** Cells that name a school outside the district (by id or name): outside the caller's scope. */
  foreignSchools: Set<string>;
}

export type ScoreRow = { row: number; cells: Record<ScoreColumnKey, string> };

export interface CheckedScores {
  issues: ScoreImportIssue[];
  /** Rows that change what is stored (new or different), to write. */
  writes: StoredScore[];
  skipped: number;
  added: number;
  updated: number;
  unchanged: number;
}

const HEADER: Record<ScoreColumnKey, string> = Object.fromEntries(SCORE_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ScoreColumnKey,
  string
>;
const EVIDENCE_MAX = 500;
const ENTERED_BY_MAX = 30;
/** 85、85.5、85.25; a comma typed as decimal point (85,5) is read as one. */
const NUMBER = /^\d{1,3}(?:[.,]\d{1,2})?$/;
const key = (schoolId: string, dimensionId: string, indicatorId: string) => `${schoolId}|${dimensionId}/${indicatorId}`;
/** Full-width digits and spaces, as a Chinese IME may type them, read as ASCII. */
const normalize = (text: string) =>
  text
    .replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .trim();

/** 0–100 with at most two decimals, or the reason it is not. */
export function parseScore(text: string): number | string {
  const value = normalize(text).replace(/分$/, '');
  if (value === '') return '请填写分数';
  if (!NUMBER.test(value)) return /^-/.test(value) ? '须在 0–100 之间' : '须为数字，最多两位小数（如 85 或 85.5）';
  const score = Number(value.replace(',', '.'));
  return score >= 0 && score <= 100 ? score : '须在 0–100 之间';
}

/**
 * Checks an import's rows against the round (pure): each row names one of the district's
 * schools and one of the round's manual indicators, with a score of 0–100, its evidence and
 * who entered it. A school × indicator may appear once. Rows with the score, evidence and 录入人
 * all blank are skipped (the template lists every pair; an admin fills those they have).
 */
export function checkScoreRows(rows: ScoreRow[], context: ScoreRowContext): CheckedScores {
  type School = ScoreRowContext['schools'][number];
  const index = (names: (s: School) => string[]) => {
    const map = new Map<string, School[]>();
    for (const s of context.schools) for (const n of new Set(names(s).map(normalize))) map.set(n, [...(map.get(n) ?? []), s]);
    return map;
  };
  const byName = index((s) => [s.name]);
  const byAlias = index((s) => s.aliases ?? []);
  const byId = new Map(context.schools.map((s) => [s.id, s]));
  const indicators = new Map<string, ManualIndicatorRef & { manual: boolean }>();
  for (const i of context.indicators) {
    indicators.set(normalize(i.label), i);
    indicators.set(`${i.dimensionId}/${i.indicatorId}`, i);
  }
  const stored = new Map(context.stored.map((s) => [key(s.schoolId, s.dimensionId, s.indicatorId), s]));
  const seen = new Map<string, number>();
  const result: CheckedScores = { issues: [], writes: [], skipped: 0, added: 0, updated: 0, unchanged: 0 };

  for (const { row, cells } of rows) {
    const issue = (column: ScoreColumnKey, message: string) => result.issues.push({ row, column: HEADER[column], message });
    const before = result.issues.length;
    if (cells.score === '' && cells.evidence === '' && cells.enteredBy === '' && (cells.school !== '' || cells.indicator !== '')) {
      result.skipped++;
      continue;
    }

    let schoolId: string | null = null;
    if (cells.school === '') issue('school', '请填写学校');
    else {
      const named =
        byName.get(normalize(cells.school)) ??
        (byId.has(cells.school) ? [byId.get(cells.school)!] : (byAlias.get(normalize(cells.school)) ?? []));
      if (named.length === 1) schoolId = named[0].id;
      else if (named.length > 1) issue('school', `本区有 ${named.length} 所学校叫“${cells.school}”，请改填学校编号`);
      else if (context.foreignSchools.has(cells.school)) issue('school', `“${cells.school}”不是本区学校，无权录入`);
      else issue('school', `本区没有“${cells.school}”，请按模板填写学校全称`);
    }

    let indicator: ManualIndicatorRef | null = null;
    if (cells.indicator === '') issue('indicator', '请填写指标');
    else {
      const found = indicators.get(normalize(cells.indicator)) ?? indicators.get(cells.indicator);
      if (!found) issue('indicator', `本轮没有指标“${cells.indicator}”，请按模板填写`);
      else if (!found.manual) issue('indicator', `“${found.label}”取自问卷结果，不能导入分数`);
      else indicator = found;
    }

    const score = parseScore(cells.score);
    if (typeof score === 'string') issue('score', score);
    if (cells.evidence === '') issue('evidence', '请填写佐证材料');
    else if (cells.evidence.length > EVIDENCE_MAX) issue('evidence', `不超过 ${EVIDENCE_MAX} 字`);
    if (cells.enteredBy === '') issue('enteredBy', '请填写录入人');
    else if (cells.enteredBy.length > ENTERED_BY_MAX) issue('enteredBy', `不超过 ${ENTERED_BY_MAX} 字`);

    if (schoolId && indicator) {
      const k = key(schoolId, indicator.dimensionId, indicator.indicatorId);
      const first = seen.get(k);
      if (first !== undefined) issue('indicator', `与第 ${first} 行重复（同一学校同一指标只能有一行）`);
      else seen.set(k, row);
    }
    if (result.issues.length > before || !schoolId || !indicator || typeof score === 'string') continue;

    const next: StoredScore = {
      schoolId,
      dimensionId: indicator.dimensionId,
      indicatorId: indicator.indicatorId,
      score,
      evidence: cells.evidence,
      enteredBy: cells.enteredBy,
    };
    const now = stored.get(key(schoolId, indicator.dimensionId, indicator.indicatorId));
    if (!now) result.added++;
    else if (now.score === next.score && now.evidence === next.evidence && now.enteredBy === next.enteredBy) {
      result.unchanged++;
      continue;
    } else result.updated++;
    result.writes.push(next);
  }
  result.issues.sort((a, b) => a.row - b.row);
  return result;
}
