import type { CellValue, Row, Worksheet } from 'exceljs';

/**
 * Text that a spreadsheet program would read as a formula (CSV / formula injection, OWASP):
 * `=`, `+`, `-`, `@`, tab and CR at the start, and the full-width forms a Chinese IME types
 * for the first four; also after leading spaces, which an import may trim. Our exports carry
 * text written by admins, parents and WeChat users (names, question titles, evidence), so none
 * of it may ever run as a formula.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@＝＋－＠]|^[\t\r]/;

/**
 * The text as a cell that Excel, WPS and LibreOffice show as text: a leading apostrophe, the
 * programs' own "this is text" mark. In an XLSX a string cell is not evaluated on opening, but
 * it is once someone edits it or saves the sheet as CSV; the apostrophe survives both.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Strings made safe; numbers, dates, booleans and empty cells as they are. */
export const safeCell = (value: CellValue): CellValue => (typeof value === 'string' ? safeText(value) : value);

/** Adds a row whose text cells are all safe; returns it like sheet.addRow, for styling. */
export function addSafeRow(sheet: Worksheet, values: CellValue[]): Row {
  return sheet.addRow(values.map(safeCell));
}

/** One CSV field (RFC 4180): safe text, quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : safeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated as Excel writes them. */
export const csvLine = (values: Array<string | number>): string => `${values.map(csvField).join(',')}\r\n`;
