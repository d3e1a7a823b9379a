/** Rotation display labels, zod-free so the mini-program can import them cheaply. */
export const BATCH_STATUS_LABELS = {
  draft: '草稿',
  publicizing: '公示中',
  effective: '已生效',
  withdrawn: '已撤回',
} as const;

/** Column headers of the import template, in file order (the template and the parser share them). */
export const ROTATION_COLUMNS = [
  { key: 'teacherName', header: '教师姓名', example: '张明' },
  { key: 'subject', header: '学科', example: '语文' },
  { key: 'fromSchool', header: '原学校', example: '济南市经八路小学' },
  { key: 'toSchool', header: '交流学校', example: '济南市经纬小学' },
  { key: 'type', header: '交流类型', example: '集团内交流' },
  { key: 'startMonth', header: '开始月份', example: '2026-09' },
  { key: 'endMonth', header: '结束月份', example: '2028-08' },
  { key: 'backboneLevel', header: '骨干级别', example: '区级' },
  { key: 'transferPersonnel', header: '是否调动人事关系', example: '否' },
] as const;
export type RotationColumnKey = (typeof ROTATION_COLUMNS)[number]['key'];
