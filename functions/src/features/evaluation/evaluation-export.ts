import { addSafeRow } from '../../spreadsheet/safe-text';
import { missingText, type RoundReport } from '../../../../shared';

/** Published scores are already exact at one decimal (report-scores.ts); blank for a missing one (never a zero). */
const one = (x: number | null | undefined) => (x === null || x === undefined ? '' : x);
const yes = (flag: boolean) => (flag ? '是' : '');

/**
 * The round's XLSX: 集团排名 (bundled totals, dimensions, flags, 增值), 学校 (every indicator),
 * 指标体系 (weights and sources) and 人工评分依据 (who entered which score on what evidence).
 * Built from the report itself, so a locked round exports the frozen numbers.
 */
export async function evaluationWorkbook(report: RoundReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '集团化办学';
  const { dimensions } = report.system;
  const indicators = dimensions.flatMap((d) =>
    d.indicators.map((i) => ({ key: `${d.id}/${i.id}`, label: `${d.name}·${i.name}`, dimension: d, indicator: i })),
  );
  const schoolName = (id: string) => report.schools.find((s) => s.id === id)?.name ?? id;
  const byRank = <T extends { rank: number | null; name: string }>(list: T[]) =>
    [...list].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));

  const groups = book.addWorksheet('集团排名');
  addSafeRow(groups, [
    '名次',
    '集团',
    '总分',
    ...dimensions.map((d) => `${d.name}（${d.weight}）`),
    '数据不完整',
    '缺项',
    '社会认可度低于85%',
    '上轮总分',
    '增值',
    '名次变化',
  ]).font = { bold: true };
  for (const g of byRank(report.groups)) {
    addSafeRow(groups, [
      g.rank ?? '',
      g.name,
      one(g.total.score),
      ...dimensions.map((d) => one(g.dimensions[d.id]?.score)),
      yes(g.flags.incomplete),
      missingText(g.total.missing, report.system, schoolName),
      yes(g.flags.recognitionBelowBar),
      one(g.previousScore),
      one(g.delta),
      g.rankChange ?? '',
    ]);
  }

  const schools = book.addWorksheet('学校');
  addSafeRow(schools, [
    '名次',
    '学校',
    '总分',
    '总分完整',
    ...dimensions.map((d) => d.name),
    ...indicators.map((i) => i.label),
    '增值',
    '名次变化',
  ]).font = { bold: true };
  for (const s of byRank(report.schools)) {
    addSafeRow(schools, [
      s.rank ?? '',
      s.name,
      one(s.total.score),
      s.total.complete ? '是' : `否（${missingText(s.total.missing, report.system, schoolName)}）`,
      ...dimensions.map((d) => one(s.dimensions[d.id]?.score)),
      ...indicators.map((i) =>
        s.indicators[i.key]?.score === null
          ? i.indicator.source.kind === 'survey'
            ? '数据不足'
            : '未录入'
          : one(s.indicators[i.key]?.score),
      ),
      one(s.delta),
      s.rankChange ?? '',
    ]);
  }

  const system = book.addWorksheet('指标体系');
  addSafeRow(system, ['维度', '维度权重', '指标', '指标权重', '来源']).font = { bold: true };
  for (const { dimension, indicator } of indicators) {
    const source =
      indicator.source.kind === 'manual' ? '人工评分' : `问卷（${indicator.source.measure === 'satisfaction' ? '满意率' : '指数'}）`;
    addSafeRow(system, [dimension.name, dimension.weight, indicator.name, indicator.weight, source]);
  }

  const evidence = book.addWorksheet('人工评分依据');
  addSafeRow(evidence, ['学校', '指标', '分数', '依据', '录入人']).font = { bold: true };
  for (const s of report.schools)
    for (const i of indicators) {
      const cell = s.indicators[i.key];
      if (cell?.source === 'manual' && cell.score !== null)
        addSafeRow(evidence, [s.name, i.label, cell.score, cell.evidence ?? '', cell.enteredBy ?? '']);
    }
  return Buffer.from(await book.xlsx.writeBuffer());
}
