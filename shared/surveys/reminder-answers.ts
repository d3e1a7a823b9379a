/** 提醒未答家长 (issue 15): answers of the consent and the sending routes (types only). */

/** A parent's one-time consent to one reminder of a survey is stored. */
export interface ReminderConsented {
  surveyId: string;
  consented: true;
}

/**
 * What one sending did with the consents it took, each used once: sent, skipped (the person
 * has answered meanwhile), refused by WeChat (43101: no consent left on the phone), failed.
 */
export interface ReminderReport {
  sent: number;
  skipped: number;
  refused: number;
  failed: number;
}
