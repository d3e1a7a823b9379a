import type ExcelJS from 'exceljs';
import { ROTATION_COLUMNS, type RotationColumnKey } from '../../../../shared';
import { ApiError } from '../../errors';
import { addSafeRow, csvLine } from '../../spreadsheet/safe-text';

/** The most rows one import takes: measured to fit one request (docs/rotation.md). */
export const IMPORT_MAX_ROWS = 5000;

export type RawRow = { row: number; cells: Record<RotationColumnKey, string> };

export class ImportFileError extends ApiError {
  constructor(code: 'IMPORT_UNREADABLE' | 'IMPORT_BAD_HEADER' | 'IMPORT_EMPTY' | 'IMPORT_TOO_MANY_ROWS', message: string) {
    super(400, code, message);
  }
}

/** A cell as text, whatever Excel made of it (numbers, dates typed as 2026-09, rich text, formulas). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** Spreadsheet rows (header first) → named cells, checking the header and the row count. */
function toRows(table: string[][]): RawRow[] {
  const header = (table[0] ?? []).map((h) => h.trim().replace(/^\uFEFF/, ''));
  const missing = ROTATION_COLUMNS.filter((c) => !header.includes(c.header)).map((c) => c.header);
  if (missing.length > 0) throw new ImportFileError('IMPORT_BAD_HEADER', `表头缺少列：${missing.join('、')}。请使用下载的模板`);
  const index = Object.fromEntries(ROTATION_COLUMNS.map((c) => [c.key, header.indexOf(c.header)])) as Record<RotationColumnKey, number>;
  const rows: RawRow[] = [];
  table.slice(1).forEach((line, i) => {
    if (line.every((cell) => cell.trim() === '')) return;
    const cells = Object.fromEntries(ROTATION_COLUMNS.map((c) => [c.key, (line[index[c.key]] ?? '').trim()])) as Record<
      RotationColumnKey,
      string
    >;
    rows.push({ row: i + 2, cells });
  });
  if (rows.length === 0) throw new ImportFileError('IMPORT_EMPTY', '文件中没有数据行');
  if (rows.length > IMPORT_MAX_ROWS) throw new ImportFileError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请拆分文件`);
  return rows;
}

async function readXlsx(file: Buffer): Promise<string[][]> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  try {
    await book.xlsx.load(file as never);
  } catch {
    throw new ImportFileError('IMPORT_UNREADABLE', '无法读取该 Excel 文件，请使用下载的模板另存为 .xlsx 后重试');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new ImportFileError('IMPORT_EMPTY', '文件中没有工作表');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    table[number - 1] = values.slice(1).map(cellText);
  });
  return Array.from(table, (line) => line ?? []);
}

/** UTF-8 first; Excel in China saves CSV as GBK (GB18030 is its superset). */
function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

async function readCsv(file: Buffer): Promise<string[][]> {
  const text = decodeCsv(file);
  if (text.includes('\u0000')) throw new ImportFileError('IMPORT_UNREADABLE', '无法读取该 CSV 文件：不是文本文件');
  // Loaded by the first CSV import, not at start-up (docs/performance.md).
  const { parseString } = await import('@fast-csv/parse');
  return new Promise((resolve, reject) => {
    const table: string[][] = [];
    parseString(text, { headers: false, ignoreEmpty: false, trim: false, maxRows: IMPORT_MAX_ROWS + 2 })
      .on('error', () => reject(new ImportFileError('IMPORT_UNREADABLE', '无法读取该 CSV 文件，请检查引号与分隔符')))
      .on('data', (row: string[]) => table.push(row))
      .on('end', () => resolve(table));
  });
}

/** The file as named rows; anything that is not a readable file of the template's shape is a 400. */
export async function readRotationFile(format: 'xlsx' | 'csv', file: Buffer): Promise<RawRow[]> {
  return toRows(format === 'xlsx' ? await readXlsx(file) : await readCsv(file));
}

/** The template: the Chinese headers and one example row. */
export function rotationTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  return rotationSheet(format, [ROTATION_COLUMNS.map((c) => c.header), ROTATION_COLUMNS.map((c) => c.example)]);
}

/** Rows (header first) as a file of the template's shape; every text cell is written so no spreadsheet evaluates it. */
export async function rotationSheet(format: 'xlsx' | 'csv', [header, ...rows]: string[][]): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${[header, ...rows].map(csvLine).join('')}`, 'utf8');
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet('交流轮岗');
  addSafeRow(sheet, header).font = { bold: true };
  // Text cells: Excel must not turn 2026-09 into a date or drop leading zeros.
  for (const row of rows) addSafeRow(sheet, row);
  sheet.columns.forEach((column) => {
    column.width = 16;
    column.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
