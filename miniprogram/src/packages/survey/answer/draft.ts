import Taro from '@tarojs/taro';
import type { Answer } from '../../../../../shared';

/** A half-filled survey stays on the device (never on the server) so a parent can resume. */
const key = (surveyId: string) => `jituan.survey-draft.${surveyId}`;

export function loadDraft(surveyId: string): Record<string, Answer> {
  try {
    return (Taro.getStorageSync(key(surveyId)) as Record<string, Answer>) || {};
  } catch {
    return {};
  }
}

export function saveDraft(surveyId: string, answers: Record<string, Answer>): void {
  Taro.setStorageSync(key(surveyId), answers);
}

export function clearDraft(surveyId: string): void {
  Taro.removeStorageSync(key(surveyId));
}
