import { CATALOG_COLUMNS, type CatalogColumnKey, type TermId } from '../../shared';

/** Test data for catalogue imports: rows as cells by column key, files as the template shapes them. */
export type CatalogRowCells = Partial<Record<CatalogColumnKey, string>>;

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The rows as CSV text with the template's header (no BOM: callers add one or encode it as GBK). */
export function catalogCsvText(rows: CatalogRowCells[]): string {
  const lines = [CATALOG_COLUMNS.map((c) => c.header), ...rows.map((r) => CATALOG_COLUMNS.map((c) => r[c.key] ?? ''))];
  return `${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** UTF-8 with a BOM, as Excel saves "CSV UTF-8". */
export const catalogCsv = (rows: CatalogRowCells[]): Buffer => Buffer.from(`\uFEFF${catalogCsvText(rows)}`, 'utf8');

export function catalogImportBody(
  file: Buffer,
  options: { apply?: boolean; fromTerm?: TermId; format?: 'xlsx' | 'csv' } = {},
): { format: 'xlsx' | 'csv'; file: string; fromTerm: TermId; apply: boolean } {
  return {
    format: options.format ?? 'csv',
    file: file.toString('base64'),
    fromTerm: options.fromTerm ?? '2026-1',
    apply: options.apply ?? false,
  };
}

/** A new school in a new group of its own, as a district would list it. */
export const newSchoolRow = (name: string, overrides: CatalogRowCells = {}): CatalogRowCells => ({
  name,
  stage: '小学',
  groupName: `${name}教育集团`,
  groupType: '融合型',
  role: '牵头校',
  ...overrides,
});

/** `count` new schools in groups of five (the first of each leads), every profile column filled: the 5,000-school case. */
export const syntheticCatalogRows = (count: number): CatalogRowCells[] =>
  Array.from({ length: count }, (_, i) =>
    newSchoolRow(`第${i + 1}测试学校`, {
      groupName: `第${Math.floor(i / 5) + 1}测试集团`,
      role: i % 5 === 0 ? '牵头校' : '成员校',
      address: `测试市测试路 ${i + 1} 号`,
      lat: (36 + i / 10000).toFixed(4),
      lng: (117 + i / 10000).toFixed(4),
      phone: `0531-8${String(i).padStart(7, '0')}`,
      students: String(500 + i),
      families: String(400 + i),
    }),
  );
