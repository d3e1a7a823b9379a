import type { ServerConfig } from './config';
import type { CatalogRepository } from './features/catalog/catalog-repository';
import type { CatalogWrites } from './features/catalog/admin/catalog-writes';
import type { CatalogImportWrites } from './features/catalog/import/catalog-import-writes';
import type { EvaluationRepository } from './features/evaluation/evaluation-repository';
import type { RateLimitRepository } from './features/identity/rate-limit-repository';
import type { StaffRepository } from './features/identity/staff-repository';
import type { UserRepository } from './features/identity/user-repository';
import type { NewsRepository } from './features/news/news-repository';
import type { RotationRepository } from './features/rotation/rotation-repository';
import type { SurveyRepository } from './features/surveys/survey-repository';
import type { ReminderRepository } from './features/surveys/reminder-repository';
import type { SurveyDraftRepository } from './features/surveys/drafts/draft-repository';
import type { Logger } from './log/logger';
import type { ImageStore } from './storage/image-store';
import type { SurveySceneRepository } from './features/surveys/survey-scene-repository';
import type { SubscribeMessage, SubscribeMessageResult, UnlimitedQrCodeRequest } from './wechat/wechat-client';

/** The part of the WeChat API client the core needs (functions/src/wechat). */
export interface WeChatApi {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  msgSecCheck(input: {
    openid: string;
    content: string;
    scene: 1 | 2 | 3 | 4;
  }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }>;
  sendSubscribeMessage(input: SubscribeMessage): Promise<SubscribeMessageResult>;
  getUnlimitedQrCode(input: UnlimitedQrCodeRequest): Promise<Buffer>;
}

/**
 * What the services are built on: configuration, the clock, the logger, one repository per
 * feature's items, the image store and the WeChat client. Built once per container by
 * core.ts. Only services hold it; routes see services (functions/src/services.ts).
 */
export interface Infrastructure {
  config: ServerConfig;
  logger: Logger;
  now: () => Date;
  catalog: CatalogRepository;
  /** The catalogue admin's versioned writes (AP73-AP83); reads stay in `catalog`. */
  catalogWrites: CatalogWrites;
  users: UserRepository;
  staff: StaffRepository;
  rateLimits: RateLimitRepository;
  surveys: SurveyRepository;
  evaluations: EvaluationRepository;
  news: NewsRepository;
  newsImages: ImageStore;
  rotation: RotationRepository;
  wechat: WeChatApi;
  catalogImportWrites: CatalogImportWrites;
  /** Short codes of survey links (AP97), the `scene` of a mini-program code. */
  surveyScenes: SurveySceneRepository;
  /** Survey reminder consents (issue 15, AP100-AP102). */
  reminders: ReminderRepository;
  /** 草稿箱 of the survey builder (issue 16, AP110-AP114). */
  surveyDrafts: SurveyDraftRepository;
}
