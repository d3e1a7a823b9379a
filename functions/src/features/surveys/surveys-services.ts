import type { Infrastructure } from '../../infrastructure';
import { EnrollmentService } from './enrollment-service';
import { SurveyInvites } from './survey-invites';
import { SurveyListings } from './survey-listings';
import { SurveyModeration } from './survey-moderation';
import { SurveyReporting } from './survey-reporting';
import { SurveyService } from './survey-service';
import { SurveySettingsService } from './survey-settings';
import { SurveyReminders } from './survey-reminders';
import { SurveyDraftService } from './drafts/draft-service';

/** The surveys feature's services, built once per container. */
export function surveysServices(infra: Infrastructure) {
  const surveys = new SurveyService(infra);
  return {
    surveys,
    surveyListings: new SurveyListings(infra, surveys),
    surveyReporting: new SurveyReporting(infra),
    surveyModeration: new SurveyModeration(infra),
    surveySettings: new SurveySettingsService(infra),
    enrollment: new EnrollmentService(infra),
    surveyInvites: new SurveyInvites(infra),
    /** 提醒未答家长: consents and the admins' sending (issue 15). */
    surveyReminders: new SurveyReminders(infra),
    /** 草稿箱 of the survey builder (issue 16). */
    surveyDrafts: new SurveyDraftService({ ...infra, surveys, drafts: infra.surveyDrafts }),
  };
}
