import { ROTATION_COLUMNS, type BatchMeta, type RotationColumnKey } from '../../shared';

/** Test data for rotation imports: rows as cells by column key, files as the template shapes them. */
export type Row = Partial<Record<RotationColumnKey, string>>;

export const exampleRow = (overrides: Row = {}): Row => ({
  ...Object.fromEntries(ROTATION_COLUMNS.map((c) => [c.key, c.example])),
  ...overrides,
});

const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function rotationCsv(rows: Row[]): Buffer {
  const lines = [ROTATION_COLUMNS.map((c) => c.header), ...rows.map((r) => ROTATION_COLUMNS.map((c) => r[c.key] ?? ''))];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(quote).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** Rows for one place of the seed data: 经五 (group), 育英 → 实验初中 (district), 青岛 (elsewhere). */
export const PLACE_ROWS = {
  'own-group': (n = 1) => Array.from({ length: n }, (_, i) => exampleRow({ teacherName: `经五教师${i + 1}` })),
  'own-district': (n = 1) =>
    Array.from({ length: n }, (_, i) =>
      exampleRow({ teacherName: `育英教师${i + 1}`, fromSchool: '济南育英中学', toSchool: '济南实验初级中学', type: '定期交流' }),
    ),
  elsewhere: (n = 1) =>
    Array.from({ length: n }, (_, i) =>
      exampleRow({ teacherName: `青岛教师${i + 1}`, fromSchool: '青岛启元学校', toSchool: '青岛第六十五中学', type: '定期交流' }),
    ),
};

export const PLACE_META: Record<keyof typeof PLACE_ROWS, BatchMeta> = {
  'own-group': {
    districtId: 'jinan-shizhong',
    groupId: 'jn-jingwu',
    title: '经五集团交流轮岗',
    schoolYear: '2026-2027',
    noticeStart: '2026-11-23',
    supersedes: null,
  },
  'own-district': {
    districtId: 'jinan-shizhong',
    groupId: null,
    title: '市中区交流轮岗',
    schoolYear: '2026-2027',
    noticeStart: '2026-11-23',
    supersedes: null,
  },
  elsewhere: {
    districtId: 'qingdao-shibei',
    groupId: null,
    title: '市北区交流轮岗',
    schoolYear: '2026-2027',
    noticeStart: '2026-11-23',
    supersedes: null,
  },
};

export const importBody = (meta: BatchMeta, rows: Row[]) => ({ meta, format: 'csv' as const, file: rotationCsv(rows).toString('base64') });
