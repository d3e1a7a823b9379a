import { ROTATION_COLUMNS, type RotationColumnKey } from '../../../../shared';
import { namedRows, readTable, writeTable, type NamedRow } from '../../spreadsheet/read-table';

/** The most rows one import takes: measured to fit one request (docs/rotation.md). */
export const IMPORT_MAX_ROWS = 5000;

export type RawRow = NamedRow<RotationColumnKey>;

/** The file as named rows; anything that is not a readable file of the template's shape is a 400. */
export async function readRotationFile(format: 'xlsx' | 'csv', file: Buffer): Promise<RawRow[]> {
  return namedRows(await readTable(format, file, IMPORT_MAX_ROWS), ROTATION_COLUMNS, IMPORT_MAX_ROWS);
}

/** The template: the Chinese headers and one example row. */
export function rotationTemplate(format: 'xlsx' | 'csv'): Promise<Buffer> {
  return rotationSheet(format, [ROTATION_COLUMNS.map((c) => c.header), ROTATION_COLUMNS.map((c) => c.example)]);
}

/** Rows (header first) as a file of the template's shape; every text cell is written so no spreadsheet evaluates it. */
export function rotationSheet(format: 'xlsx' | 'csv', table: string[][]): Promise<Buffer> {
  return writeTable(format, '交流轮岗', table);
}
