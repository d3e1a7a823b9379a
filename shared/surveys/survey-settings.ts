import { z } from 'zod';
import { DEFAULT_RECOGNITION, RECOGNITION_DEFINITIONS } from './recognition';
import { lazySchema } from '../lazy-schema';

/**
 * A district's survey settings. Today one: which likert options count as 认可 for the
 * 社会认可度 rate (recognition.ts, docs/scoring.md). A new survey takes the setting in force
 * when it is made and keeps it, so a published rate never changes meaning afterwards.
 */
export const SurveySettingsSchema = lazySchema(() =>
  z.object({
    recognition: z.enum(RECOGNITION_DEFINITIONS, { message: '请选择认可口径' }).default(DEFAULT_RECOGNITION),
  }),
);
export type SurveySettings = z.infer<typeof SurveySettingsSchema>;

/** The settings as an admin reads them: who changed them last and when (null while the defaults hold). */
export type SurveySettingsView = SurveySettings & { updatedAt: string | null; updatedBy: string | null };
