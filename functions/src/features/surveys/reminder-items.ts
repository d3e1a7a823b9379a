/**
 * One parent's one-time consent to one reminder of a survey (提醒未答家长). WeChat delivers a
 * subscribe message to an openid only, so the consent keeps it, as the news consents do; it
 * is the only item of the reminder that does, it is never written beside an answer, and it is
 * deleted when used.
 */
export type ReminderConsentItem = {
  kind: 'reminder-consent';
  surveyId: string;
  /** The pseudonym: the sender recomputes the voter marker from it to skip those who answered. */
  userKey: string;
  openid: string;
  templateId: string;
  createdAt: string;
};
