import type { ServerConfig } from './config';
import type { Route } from './http/route';
import { adminRoutes } from './features/identity/routes/staff';
import { authRoutes, devLoginRoute } from './features/identity/routes/auth';
import { districtRoutes } from './features/catalog/routes/districts';
import { groupRoutes } from './features/catalog/routes/groups';
import { meRoutes } from './features/identity/routes/me';
import { schoolRoutes } from './features/catalog/routes/schools';
import { catalogAdminRoutes } from './features/catalog/routes/catalog-admin';
import { catalogImportRoutes } from './features/catalog/routes/catalog-import';
import { surveyRoutes } from './features/surveys/routes/surveys';
import { surveySettingsRoutes } from './features/surveys/routes/survey-settings';
import { enrollmentRoutes } from './features/surveys/routes/enrollment';
import { surveyInviteRoutes } from './features/surveys/routes/survey-invites';
import { evaluationRoutes } from './features/evaluation/routes/rounds';
import { newsRoutes } from './features/news/routes/news';
import { evaluationReportRoutes } from './features/evaluation/routes/reports';
import { rotationRoutes } from './features/rotation/routes/rotation';
import { reminderRoutes } from './features/surveys/routes/reminders';
import { surveyDraftRoutes } from './features/surveys/routes/survey-drafts';
import { evaluationImportRoutes } from './features/evaluation/routes/score-import';

/** Every route of the API, each a declaration of its input, subject and access (http/route.ts). */
export function allRoutes(config: Pick<ServerConfig, 'auth'>): Route[] {
  return [
    ...districtRoutes,
    ...groupRoutes,
    ...schoolRoutes,
    ...catalogAdminRoutes,
    ...catalogImportRoutes,
    ...authRoutes,
    ...(config.auth.devLogin ? [devLoginRoute] : []),
    ...meRoutes,
    ...adminRoutes,
    ...surveyRoutes,
    ...surveySettingsRoutes,
    ...enrollmentRoutes,
    ...surveyInviteRoutes,
    ...evaluationRoutes,
    ...newsRoutes,
    ...evaluationReportRoutes,
    ...rotationRoutes,
    ...reminderRoutes,
    ...surveyDraftRoutes,
    ...evaluationImportRoutes,
  ];
}
