import type { JSONParsed } from 'hono/utils/types';
import type { DistrictList } from '../catalog/district';
import type { GroupDetail, GroupList } from '../catalog/group';
import type { SchoolDetail, SchoolSearchResult } from '../catalog/school';
import type { DistrictCatalog, GroupCatalog, GroupTypesWritten, GroupWritten, MoveWritten, SchoolWritten } from '../catalog/catalog-admin';
import type { CatalogImportPreview } from '../catalog/catalog-admin';
import type { GroupReportView, RoundReportAnswer, RoundSummary } from '../evaluation/evaluation-report';
import type { RoundCreated, RoundLocked, RoundPublished, PublicEvaluationAnswer } from '../evaluation/round-answers';
import type { RotationSettings, RotationBatch } from '../rotation/rotation';
import type { DeletionReport, Invite, Me, Session, Teacher } from '../identity/identity';
import type { NewsAdminDetail, NewsDetail, NewsImageUpload, NewsPage } from '../news/news';
import type { NewsSubscribed } from '../news/news-answers';
import type { ComplianceReport } from '../rotation/rotation-compliance';
import type { SurveySettingsView } from '../surveys/survey-settings';
import type { SceneTarget, SurveyInvite } from '../surveys/survey-invite';
import type { ReminderConsented, ReminderReport } from '../surveys/reminder-answers';
import type { ObjectionStatus } from '../rotation/objection-status';
import type { SurveyDraftPublished, SurveyDraftSummary, SurveyDraftView } from '../surveys/survey-draft';
import type {
  BatchAnswer,
  BatchDetail,
  BatchNotice,
  EligibleCountSet,
  MyRotations,
  Objection,
  ObjectionReceipt,
} from '../rotation/rotation-answers';
import type {
  EnrollmentList,
  EnrollmentSet,
  MySurvey,
  ResponseReceipt,
  SurveyAnswered,
  SurveyClosed,
  SurveyCreated,
  SurveySummary,
  SurveyView,
  TextForReview,
} from '../surveys/survey-answers';
import type { SurveyResults } from '../surveys/survey-results';
import type { ItemList, Ok } from './answer-shapes';
import type { NearbySchools } from '../catalog/nearby';
import type { ScoreImportPreview } from '../evaluation/score-import-columns';
import type { SavedIndicatorSystem } from '../evaluation/round-answers';

/**
 * The one contract between the server and the client: for every endpoint that answers JSON,
 * keyed `'<METHOD> <hono path>'` exactly as its route is declared, the body of its 2xx answer.
 * The server's route() refuses a handler whose c.json(...) answers anything else
 * (functions/src/http/contract.ts); the mini-program's api/ functions are typed from it
 * (miniprogram/src/api/endpoint.ts). Endpoints answering files are listed in non-json-endpoints.ts.
 */
export interface ApiResponses {
  // Catalogue (public).
  'GET /api/districts': DistrictList;
  'GET /api/districts/:id/groups': GroupList;
  'GET /api/groups/:id': GroupDetail;
  'GET /api/schools': SchoolSearchResult;
  'GET /api/schools/:id': SchoolDetail;

  // Sessions and the caller's own data.
  'POST /api/auth/wechat': Session;
  'POST /api/auth/dev': Session;
  'POST /api/auth/logout': Ok;
  'GET /api/me': Me;
  'DELETE /api/me': DeletionReport;
  'POST /api/me/schools': Me;
  'DELETE /api/me/schools/:schoolId': Me;
  'POST /api/me/invite': Me;

  // Staff: teachers and invites.
  'POST /api/admin/teachers': Teacher;
  'GET /api/admin/schools/:id/teachers': ItemList<Teacher>;
  'POST /api/admin/invites': Invite;
  'DELETE /api/admin/invites/:id': Invite;

  // Surveys.
  'GET /api/me/surveys': ItemList<MySurvey>;
  'GET /api/admin/districts/:id/surveys': ItemList<SurveySummary>;
  'GET /api/admin/districts/:id/survey-settings': SurveySettingsView;
  'PUT /api/admin/districts/:id/survey-settings': SurveySettingsView;
  'GET /api/admin/groups/:id/surveys': ItemList<SurveySummary>;
  'POST /api/admin/surveys': SurveyCreated;
  'GET /api/surveys/:id': SurveyView;
  'POST /api/surveys/:id/responses': ResponseReceipt;
  'GET /api/surveys/:id/answered': SurveyAnswered;
  'GET /api/admin/surveys/:id/results': SurveyResults;
  'GET /api/admin/surveys/:id/texts': ItemList<TextForReview>;
  'POST /api/admin/surveys/:id/texts/approve': Ok;
  'POST /api/admin/surveys/:id/close': SurveyClosed;
  'PUT /api/admin/schools/:id/enrollment': EnrollmentSet;
  'GET /api/admin/districts/:id/enrollments': EnrollmentList;
  'GET /api/admin/groups/:id/enrollments': EnrollmentList;

  // Evaluation rounds.
  'GET /api/admin/districts/:id/rounds': ItemList<RoundSummary>;
  'POST /api/admin/rounds': RoundCreated;
  /** Sent as stored JSON text (a locked round's report byte for byte), typed by JsonText. */
  'GET /api/admin/rounds/:id/report': RoundReportAnswer;
  'PUT /api/admin/rounds/:id/scores': Ok;
  'POST /api/admin/rounds/:id/lock': RoundLocked;
  'PUT /api/admin/rounds/:id/publication': RoundPublished;
  'GET /api/admin/groups/:id/rounds': ItemList<RoundSummary>;
  'GET /api/admin/rounds/:id/groups/:groupId': GroupReportView;
  'GET /api/groups/:id/evaluation': PublicEvaluationAnswer;

  // Group news.
  'GET /api/groups/:id/news': NewsPage;
  'GET /api/me/news': NewsPage;
  'GET /api/news/:id': NewsDetail;
  'POST /api/news/subscriptions': NewsSubscribed;
  'GET /api/admin/groups/:id/news': NewsPage;
  'POST /api/admin/groups/:id/news': NewsAdminDetail;
  'GET /api/admin/news/:id': NewsAdminDetail;
  'PUT /api/admin/news/:id': NewsAdminDetail;
  'POST /api/admin/news/:id/publish': NewsAdminDetail;
  'POST /api/admin/news/:id/unpublish': NewsAdminDetail;
  'POST /api/admin/news-images': NewsImageUpload;

  // Teacher rotation (交流轮岗).
  'GET /api/rotation/batches': ItemList<RotationBatch>;
  'GET /api/rotation/batches/:id': BatchNotice;
  'GET /api/me/rotation': MyRotations;
  'POST /api/rotation/batches/:id/objections': ObjectionReceipt;
  'POST /api/admin/rotation/batches/import': BatchAnswer;
  'GET /api/admin/districts/:id/rotation/batches': ItemList<RotationBatch>;
  'GET /api/admin/groups/:id/rotation/batches': ItemList<RotationBatch>;
  'GET /api/admin/rotation/batches/:id': BatchDetail;
  'PUT /api/admin/rotation/batches/:id': BatchAnswer;
  'POST /api/admin/rotation/batches/:id/publish': BatchAnswer;
  'POST /api/admin/rotation/batches/:id/withdraw': BatchAnswer;
  'GET /api/admin/rotation/batches/:id/objections': ItemList<Objection>;
  'POST /api/admin/rotation/batches/:id/objections/:objectionId/resolve': Ok;
  'PUT /api/admin/schools/:id/eligible-teachers': EligibleCountSet;
  'GET /api/admin/districts/:id/rotation/settings': RotationSettings;
  'PUT /api/admin/districts/:id/rotation/settings': RotationSettings;
  'GET /api/admin/districts/:id/rotation/compliance': ComplianceReport;
  // Catalogue admin (issue 14).
  'GET /api/admin/districts/:id/catalog': DistrictCatalog;
  'GET /api/admin/groups/:id/catalog': GroupCatalog;
  'PUT /api/admin/districts/:id/group-types': GroupTypesWritten;
  'POST /api/admin/districts/:id/schools': SchoolWritten;
  'PUT /api/admin/schools/:id': SchoolWritten;
  'PUT /api/admin/schools/:id/campuses': SchoolWritten;
  'POST /api/admin/schools/:id/archive': SchoolWritten;
  'DELETE /api/admin/schools/:id': Ok;
  'POST /api/admin/schools/:id/moves': MoveWritten;
  'POST /api/admin/districts/:id/groups': GroupWritten;
  'PUT /api/admin/groups/:id': GroupWritten;
  'POST /api/admin/groups/:id/archive': GroupWritten;
  'DELETE /api/admin/groups/:id': Ok;
  // Catalogue import (issue 14).
  'POST /api/admin/districts/:id/catalog/import': CatalogImportPreview;
  // Survey links, codes and posters per school (issue 15).
  'GET /api/admin/surveys/:id/schools/:schoolId/invite': SurveyInvite;
  'GET /api/scenes/:code': SceneTarget;
  // Nearby schools (issue 15).
  'GET /api/schools/nearby': NearbySchools;
  // Reminders and teacher flows (issue 15).
  'POST /api/surveys/:id/reminder-consents': ReminderConsented;
  'POST /api/admin/surveys/:id/reminders': ReminderReport;
  'GET /api/rotation/objection-receipts/:receipt': ObjectionStatus;
  // Survey builder drafts (issue 16).
  'GET /api/admin/districts/:id/survey-drafts': ItemList<SurveyDraftSummary>;
  'POST /api/admin/districts/:id/survey-drafts': SurveyDraftView;
  'GET /api/admin/groups/:id/survey-drafts': ItemList<SurveyDraftSummary>;
  'POST /api/admin/groups/:id/survey-drafts': SurveyDraftView;
  'GET /api/admin/survey-drafts/:id': SurveyDraftView;
  'PUT /api/admin/survey-drafts/:id': SurveyDraftView;
  'DELETE /api/admin/survey-drafts/:id': Ok;
  'POST /api/admin/survey-drafts/:id/publish': SurveyDraftPublished;
  'POST /api/admin/surveys/:id/copy-to-draft': SurveyDraftView;
  // Text moderation (issue 16).
  'POST /api/admin/surveys/:id/texts/reject': Ok;
  // Evaluation at district scale (issue 16).
  'POST /api/admin/rounds/:id/scores/import': ScoreImportPreview;
  'GET /api/admin/districts/:id/indicator-systems': ItemList<SavedIndicatorSystem>;
  'POST /api/admin/districts/:id/indicator-systems': SavedIndicatorSystem;
}

/** An endpoint of the contract, e.g. 'GET /api/districts'. */
export type ApiKey = keyof ApiResponses;

/**
 * The body of an endpoint's 2xx answer as the client receives it: the contract's type as JSON
 * makes it (hono's JSONParsed, the type c.json gives its data). The server's handlers are checked
 * against this type and the mini-program's api/ functions return it, so both name one type.
 * Type-only: hono stays on the server.
 */
export type ApiResponse<K extends ApiKey> = JSONParsed<ApiResponses[K]>;
