import { SCORE_COLUMNS, SCORE_IMPORT_MAX_ROWS, type ScoreImportPreview } from '../../../../shared/evaluation/score-import-columns';
import type { ScoreImportBody } from '../../../../shared/evaluation/score-import';
import { ApiError, ConflictError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { namedRows, readTable } from '../../spreadsheet/read-table';
import { scoreTemplate } from '../../spreadsheet/score-template';
import { checkScoreRows, type ManualIndicatorRef } from './domain/score-rows';
import { roundLocked } from './evaluation-errors';
import { SCORES_PER_IMPORT, type RoundItem } from './evaluation-repository';

type Deps = Pick<Infrastructure, 'evaluations' | 'catalog' | 'now'>;

const manualIndicators = (round: RoundItem): Array<ManualIndicatorRef & { manual: boolean }> =>
  round.system.dimensions.flatMap((d) =>
    d.indicators.map((i) => ({
      dimensionId: d.id,
      indicatorId: i.id,
      label: `${d.name}·${i.name}`,
      manual: i.source.kind === 'manual',
    })),
  );

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/**
 * The manual scores of a round as a spreadsheet (docs/evaluation.md): the template (one row per
 * school × manual indicator, filled with what is stored) and the import, previewed, then
 * stored all or nothing. exceljs loads with the first template or import, never at start-up.
 */
export class ScoreImportService {
  constructor(private readonly deps: Deps) {}

  async template(round: RoundItem): Promise<{ filename: string; file: Buffer }> {
    const [schools, stored] = await Promise.all([
      this.deps.catalog.listSchoolsOfDistrict(round.districtId),
      this.deps.evaluations.listManualScores(round.id),
    ]);
    const scores = new Map(stored.map((s) => [`${s.schoolId}|${s.dimensionId}/${s.indicatorId}`, s]));
    const indicators = manualIndicators(round).filter((i) => i.manual);
    const rows = [...schools].sort(byName).flatMap((school) =>
      indicators.map((i) => {
        const now = scores.get(`${school.id}|${i.dimensionId}/${i.indicatorId}`);
        return [school.name, i.label, now?.score ?? '', now?.evidence ?? '', now?.enteredBy ?? ''];
      }),
    );
    const file = await scoreTemplate(
      SCORE_COLUMNS.map((c) => c.header),
      rows,
      [
        `轮次：${round.name}（${schools.length} 所学校 × ${indicators.length} 个人工评分指标 = ${rows.length} 行）`,
        '分数填 0–100 的数字，最多两位小数；佐证材料写明依据（如 督导报告第 3 页）；录入人填姓名。',
        '学校、指标两列请勿修改；暂无分数的行可整行留空分数、佐证材料和录入人，导入时跳过，已录入的分数不变。',
        '导入前会先预览，有任何一行出错则不导入任何分数。',
      ],
    );
    return { filename: `人工评分导入模板-${round.name}.xlsx`, file };
  }

  /** The file checked against the round; with `apply` and no errors, its changed scores stored at once. */
  async importFile(round: RoundItem, body: ScoreImportBody): Promise<ScoreImportPreview> {
    if (round.status === 'locked') throw roundLocked('该轮次已锁定，分数不能再导入');
    const table = await readTable(body.format, Buffer.from(body.file, 'base64'), SCORE_IMPORT_MAX_ROWS);
    const rows = namedRows(table, SCORE_COLUMNS, SCORE_IMPORT_MAX_ROWS);
    const [schools, stored] = await Promise.all([
      this.deps.catalog.listSchoolsOfDistrict(round.districtId),
      this.deps.evaluations.listManualScores(round.id),
    ]);
    const known = new Set(schools.flatMap((s) => [s.id, s.name, ...(s.aliases ?? [])]));
    const unknown = new Set(rows.map((r) => r.cells.school).filter((cell) => cell !== '' && !known.has(cell)));
    const checked = checkScoreRows(rows, {
      schools,
      indicators: manualIndicators(round),
      stored,
      foreignSchools: unknown.size > 0 ? await this.elsewhere(round.districtId, unknown) : new Set(),
    });
    const preview = (applied: boolean): ScoreImportPreview => ({
      applied,
      rows: rows.length,
      skipped: checked.skipped,
      errors: checked.issues,
      changes: { added: checked.added, updated: checked.updated, unchanged: checked.unchanged },
    });
    if (checked.issues.length > 0) return preview(false);
    // Said at the preview already, so the admin splits the file before confirming.
    if (checked.writes.length > SCORES_PER_IMPORT)
      throw new ApiError(
        400,
        'IMPORT_TOO_MANY_CHANGES',
        `本次有 ${checked.writes.length} 条分数要写入，一次最多 ${SCORES_PER_IMPORT} 条：请按维度拆分文件，分次导入`,
      );
    if (!body.apply) return preview(false);
    const previous = new Map(stored.map((s) => [`${s.schoolId}|${s.dimensionId}/${s.indicatorId}`, s.enteredAt]));
    const at = this.deps.now().toISOString();
    const written = await this.deps.evaluations.putManualScores(
      round.id,
      checked.writes.map((w) => ({
        score: { kind: 'manual-score', ...w, enteredAt: at },
        replaces: previous.get(`${w.schoolId}|${w.dimensionId}/${w.indicatorId}`) ?? null,
      })),
    );
    if (written === 'round-locked') throw roundLocked('该轮次已锁定，分数不能再导入');
    if (written === 'changed-meanwhile') throw new ConflictError('CONFLICT', '导入期间有分数被修改，未导入任何分数：请重新预览后再导入');
    return preview(true);
  }

  /** Which of these cells name a school of another district (by id or by name). */
  private async elsewhere(districtId: string, cells: Set<string>): Promise<Set<string>> {
    const districts = (await this.deps.catalog.listDistricts()).filter((d) => d.id !== districtId);
    const schools = (await Promise.all(districts.map((d) => this.deps.catalog.listSchoolsOfDistrict(d.id)))).flat();
    return new Set(schools.flatMap((s) => [s.id, s.name]).filter((x) => cells.has(x)));
  }
}
