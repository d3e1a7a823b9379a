import { route } from '../../../http/route';
import { loadSurvey, MANAGERS, surveyParams, surveyTarget } from './surveys';

/** 提醒未答家长 (issue 15): a parent's one-time consent, and the admins' sending. */
export const reminderRoutes = [
  route({
    method: 'POST',
    path: '/api/surveys/:id/reminder-consents',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'user' },
    handler: async (c, { subject, user, services }) => c.json(await services.surveyReminders.consent(user, subject), 201),
  }),
  route({
    method: 'POST',
    path: '/api/admin/surveys/:id/reminders',
    params: surveyParams,
    load: loadSurvey,
    access: { kind: 'roles', roles: MANAGERS },
    target: surveyTarget,
    references: () => [],
    handler: async (c, { subject, services }) => c.json(await services.surveyReminders.send(subject)),
  }),
];
