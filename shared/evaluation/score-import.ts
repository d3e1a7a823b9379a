import { z } from 'zod';
import { SCORE_IMPORT_FILE_BASE64_MAX } from './score-import-columns';
import { lazySchema } from '../lazy-schema';

/**
 * POST /api/admin/rounds/:id/scores/import: `apply: false` answers the preview only; `apply: true`
 * stores every row, all or nothing, if the file has no errors.
 */
export const ScoreImportBodySchema = lazySchema(() =>
  z.object({
    format: z.enum(['xlsx', 'csv'], { message: '文件须为 .xlsx 或 .csv' }).default('xlsx'),
    /** base64 */
    file: z.string().min(1, '请选择文件').max(SCORE_IMPORT_FILE_BASE64_MAX, '文件过大，请拆分文件后重新上传'),
    apply: z.boolean().default(false),
  }),
);
export type ScoreImportBody = z.infer<typeof ScoreImportBodySchema>;
