import type { ReminderConsented, ReminderReport } from '../../../../shared';
import { ApiError, ConflictError, ValidationError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from '../identity/request-user';
import type { SurveyItem } from './survey-items';
import { surveyStatus } from './survey-summary';
import { voterMarker } from './voter-marker';

type Deps = Pick<Infrastructure, 'config' | 'surveys' | 'reminders' | 'wechat' | 'logger' | 'now'>;

/** thing fields take at most 20 characters. */
const thing = (text: string) => ({ value: [...text].slice(0, 20).join('') });

/** China time for the message's time field (WeChat shows it as given). */
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 提醒未答家长: a parent's one-time consent (a tap in the mini-program) buys one reminder of a
 * survey; an admin's sending uses every waiting consent once, and messages only those whose
 * voter marker (the same HMAC the submit writes, AP27) does not exist.
 */
export class SurveyReminders {
  constructor(private readonly deps: Deps) {}

  async consent(user: RequestUser, survey: SurveyItem): Promise<ReminderConsented> {
    const { config, now } = this.deps;
    const templateId = this.templateId();
    // Only a WeChat login knows the openid; a message cannot be delivered to anyone else.
    if (!user.openid) throw new ValidationError('请在微信小程序中订阅提醒', undefined, 'SUBSCRIBE_NEEDS_WECHAT');
    this.mustBeOpen(survey);
    if (await this.deps.surveys.hasVoted(voterMarker(config.auth.pseudonymSecret, survey.id, user.userKey))) {
      throw new ConflictError('ALREADY_ANSWERED', '你已经提交过本问卷，无需提醒');
    }
    await this.deps.reminders.putConsent({
      kind: 'reminder-consent',
      surveyId: survey.id,
      userKey: user.userKey,
      openid: user.openid,
      templateId,
      createdAt: now().toISOString(),
    });
    return { surveyId: survey.id, consented: true };
  }

  /**
   * Every consent is taken (deleted, conditionally) before it is used, so two admins sending at
   * once never message one person twice; a consent of someone who has answered is used up
   * without a message. A failure for one person never stops the others.
   */
  async send(survey: SurveyItem): Promise<ReminderReport> {
    this.templateId();
    this.mustBeOpen(survey);
    const { config, surveys, reminders, wechat } = this.deps;
    const consents = await reminders.listConsents(survey.id);
    const markerOf = (userKey: string) => voterMarker(config.auth.pseudonymSecret, survey.id, userKey);
    const voted = await surveys.votedAmong(consents.map((c) => markerOf(c.userKey)));
    const report: ReminderReport = { sent: 0, skipped: 0, refused: 0, failed: 0 };
    for (const consent of consents) {
      if (!(await reminders.takeConsent(consent))) continue;
      if (voted.has(markerOf(consent.userKey))) {
        report.skipped++;
        continue;
      }
      try {
        const outcome = await wechat.sendSubscribeMessage({
          openid: consent.openid,
          templateId: consent.templateId,
          page: `packages/survey/answer/index?id=${survey.id}`,
          data: { thing1: thing(survey.definition.title), time2: { value: chinaTime(survey.definition.closesAt) } },
        });
        report[outcome]++;
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        report.failed++;
      }
    }
    // Counts only: who was reminded is nobody's business in a log.
    this.deps.logger.info({ surveyId: survey.id, ...report }, 'survey reminders');
    return report;
  }

  private templateId(): string {
    if (!this.deps.config.reminderTemplateId) throw new ConflictError('REMINDERS_OFF', '提醒消息暂未开通');
    return this.deps.config.reminderTemplateId;
  }

  private mustBeOpen(survey: SurveyItem): void {
    if (surveyStatus(survey.definition, this.deps.now().toISOString()) !== 'open') {
      throw new ConflictError('SURVEY_NOT_OPEN', '只能提醒进行中的问卷');
    }
  }
}
