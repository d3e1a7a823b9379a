import { addSafeRow } from './safe-text';

/** Widths for 学校, 指标, 分数, 佐证材料, 录入人: long school and indicator names stay readable. */
const WIDTHS = [28, 30, 10, 40, 12];

/**
 * An import template with its rows filled in (names the admin must not retype), on the first
 * sheet (the one an import reads), and a 填写说明 sheet. Every text cell is written so no
 * spreadsheet evaluates it; the header row stays in view while scrolling.
 */
export async function scoreTemplate(header: string[], rows: Array<Array<string | number>>, notes: string[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = '集团化办学';
  const sheet = book.addWorksheet('人工评分', { views: [{ state: 'frozen', ySplit: 1 }] });
  addSafeRow(sheet, header).font = { bold: true };
  for (const row of rows) addSafeRow(sheet, row);
  sheet.columns.forEach((column, k) => {
    column.width = WIDTHS[k] ?? 16;
  });
  const help = book.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  addSafeRow(help, ['填写说明']).font = { bold: true };
  for (const note of notes) addSafeRow(help, [note]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
