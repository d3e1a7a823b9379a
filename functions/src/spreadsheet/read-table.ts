import type ExcelJS from 'exceljs';
import { ApiError } from '../errors';
import { addSafeRow, csvLine } from './safe-text';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** A file that is not a readable spreadsheet of the template's shape: always a 400, never a 500. */
export class ImportFileError extends ApiError {
  constructor(code: 'IMPORT_UNREADABLE' | 'IMPORT_BAD_HEADER' | 'IMPORT_EMPTY' | 'IMPORT_TOO_MANY_ROWS', message: string) {
    super(400, code, message);
  }
}

/** A cell as text, whatever Excel made of it (numbers, dates typed as 2026-09, rich text, formulas). */
export function cellText(value: ExcelJS.CellValue): string {
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

/** UTF-8 first (with or without BOM); Excel in China saves CSV as GBK (GB18030 is its superset). */
function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

async function readCsv(file: Buffer, maxLines: number): Promise<string[][]> {
  const text = decodeCsv(file);
  if (text.includes('\u0000')) throw new ImportFileError('IMPORT_UNREADABLE', '无法读取该 CSV 文件：不是文本文件');
  // Loaded by the first CSV import, not at start-up (docs/performance.md).
  const { parseString } = await import('@fast-csv/parse');
  return new Promise((resolve, reject) => {
    const table: string[][] = [];
    parseString(text, { headers: false, ignoreEmpty: false, trim: false, maxRows: maxLines })
      .on('error', () => reject(new ImportFileError('IMPORT_UNREADABLE', '无法读取该 CSV 文件，请检查引号与分隔符')))
      .on('data', (row: string[]) => table.push(row))
      .on('end', () => resolve(table));
  });
}

/** The sheet as text cells, header first (the first worksheet of an XLSX; CSV in UTF-8, GBK or GB18030). */
export async function readTable(format: SpreadsheetFormat, file: Buffer, maxRows: number): Promise<string[][]> {
  // One line more than allowed, so "too many rows" can be told apart from "exactly the maximum".
  return format === 'xlsx' ? readXlsx(file) : readCsv(file, maxRows + 2);
}

export type Column<K extends string> = { readonly key: K; readonly header: string };
export type NamedRow<K extends string> = { row: number; cells: Record<K, string> };

/**
 * Spreadsheet rows (header first) → named, trimmed cells, checking the header and the row
 * count. Columns may come in any order; blank lines are skipped; `row` is the number the
 * spreadsheet shows (header = row 1).
 */
export function namedRows<K extends string>(table: string[][], columns: ReadonlyArray<Column<K>>, maxRows: number): NamedRow<K>[] {
  const header = (table[0] ?? []).map((h) =>
    h
      .trim()
      .replace(/^\uFEFF/, '')
      .replace(/\*$/, ''),
  );
  const missing = columns.filter((c) => !header.includes(c.header)).map((c) => c.header);
  if (missing.length > 0) throw new ImportFileError('IMPORT_BAD_HEADER', `表头缺少列：${missing.join('、')}。请使用下载的模板`);
  const index = columns.map((c) => [c.key, header.indexOf(c.header)] as const);
  const rows: NamedRow<K>[] = [];
  table.slice(1).forEach((line, i) => {
    if (line.every((cell) => cell.trim() === '')) return;
    const cells = Object.fromEntries(index.map(([key, at]) => [key, (line[at] ?? '').trim()])) as Record<K, string>;
    rows.push({ row: i + 2, cells });
  });
  if (rows.length === 0) throw new ImportFileError('IMPORT_EMPTY', '文件中没有数据行');
  if (rows.length > maxRows) throw new ImportFileError('IMPORT_TOO_MANY_ROWS', `一次最多导入 ${maxRows} 行，请拆分文件`);
  return rows;
}

/**
 * Rows (header first) as a file: CSV in UTF-8 with a BOM (so Excel reads the Chinese), or an
 * XLSX with every column formatted as text. Every text cell is written so no spreadsheet
 * evaluates it (safe-text.ts).
 */
export async function writeTable(
  format: SpreadsheetFormat,
  sheetName: string,
  [header, ...rows]: Array<Array<string | number>>,
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${[header, ...rows].map(csvLine).join('')}`, 'utf8');
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(sheetName);
  addSafeRow(sheet, header).font = { bold: true };
  // Text cells: Excel must not turn 2026-09 into a date or drop leading zeros.
  for (const row of rows) addSafeRow(sheet, row);
  sheet.columns.forEach((column) => {
    column.width = 16;
    column.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
