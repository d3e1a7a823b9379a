import { z } from 'zod';
import { lazySchema } from '../lazy-schema';

/** A term id as terms.ts defines it: 2026-1 is 2026—2027学年第一学期, 2026-2 its 第二学期. */
export const TermIdSchema = lazySchema(() => z.string().regex(/^\d{4}-[12]$/, '学期格式为 2026-1（2026—2027学年第一学期）或 2026-2'));
