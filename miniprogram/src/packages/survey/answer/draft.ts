import Taro from '@tarojs/taro';
import type { Answer } from '../../../../../shared';

/**
 * A half-filled (or not yet delivered) survey stays on the device, never on the server, so a
 * parent can resume or resend it. Keyed by survey and school only: nothing about the parent.
 */
const key = (surveyId: string, schoolId: string) => `jituan.survey-draft.${surveyId}.${schoolId}`;
/** A draft nobody came back to is dropped after a week, or when the survey closes if sooner. */
const DRAFT_DAYS = 7;

interface StoredDraft {
  answers: Record<string, Answer>;
  expiresAt: number;
}

export function loadDraft(surveyId: string, schoolId: string, now = Date.now()): Record<string, Answer> {
  try {
    const stored = Taro.getStorageSync(key(surveyId, schoolId)) as StoredDraft | '';
    if (!stored || typeof stored !== 'object' || !stored.answers) return {};
    if (!(stored.expiresAt > now)) {
      clearDraft(surveyId, schoolId);
      return {};
    }
    return stored.answers;
  } catch {
    return {};
  }
}

/** `closesAt`: the survey's close date (ISO), which ends the draft if it comes before the week. */
export function saveDraft(surveyId: string, schoolId: string, answers: Record<string, Answer>, closesAt?: string, now = Date.now()): void {
  const week = now + DRAFT_DAYS * 86_400_000;
  const closes = closesAt ? Date.parse(closesAt) : NaN;
  const draft: StoredDraft = { answers, expiresAt: Number.isFinite(closes) ? Math.min(week, closes) : week };
  try {
    Taro.setStorageSync(key(surveyId, schoolId), draft);
  } catch {
    // A full storage loses the draft, not the page.
  }
}

export function clearDraft(surveyId: string, schoolId: string): void {
  Taro.removeStorageSync(key(surveyId, schoolId));
}
