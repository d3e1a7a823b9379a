import { createApp } from './app';
import type { ServerConfig } from './config';
import { createDocumentClient } from './db/client';
import { CatalogRepository } from './features/catalog/catalog-repository';
import { CatalogWrites } from './features/catalog/admin/catalog-writes';
import { CatalogImportWrites } from './features/catalog/import/catalog-import-writes';
import { EvaluationRepository } from './features/evaluation/evaluation-repository';
import { RateLimitRepository } from './features/identity/rate-limit-repository';
import { StaffRepository } from './features/identity/staff-repository';
import { UserRepository } from './features/identity/user-repository';
import { NewsRepository } from './features/news/news-repository';
import { RotationRepository } from './features/rotation/rotation-repository';
import { SurveyRepository } from './features/surveys/survey-repository';
import { SurveySceneRepository } from './features/surveys/survey-scene-repository';
import { ReminderRepository } from './features/surveys/reminder-repository';
import { SurveyDraftRepository } from './features/surveys/drafts/draft-repository';
import type { Infrastructure } from './infrastructure';
import { createLogger, type Logger } from './log/logger';
import { createServices } from './services';
import { createImageStore } from './storage/create-image-store';
import { createSnapshotStore } from './storage/create-snapshot-store';
import { WeChatClient } from './wechat/wechat-client';

export interface CoreOverrides {
  logger?: Logger;
  now?: () => Date;
}

/** The composition root every adapter calls once per container/process. */
export function createCore(config: ServerConfig, overrides: CoreOverrides = {}) {
  const db = createDocumentClient({ endpoint: config.dynamodbEndpoint, region: config.region });
  const logger = overrides.logger ?? createLogger();
  const now = overrides.now ?? (() => new Date());
  const infra: Infrastructure = {
    config,
    logger,
    now,
    catalog: new CatalogRepository(db, config.tableName, createSnapshotStore(config)),
    catalogWrites: new CatalogWrites(db, config.tableName),
    users: new UserRepository(db, config.tableName),
    staff: new StaffRepository(db, config.tableName),
    rateLimits: new RateLimitRepository(db, config.tableName, () => now().getTime()),
    surveys: new SurveyRepository(db, config.tableName),
    evaluations: new EvaluationRepository(db, config.tableName),
    news: new NewsRepository(db, config.tableName),
    newsImages: createImageStore(config, now),
    rotation: new RotationRepository(db, config.tableName),
    wechat: new WeChatClient(config.wechat, { logger }),
    catalogImportWrites: new CatalogImportWrites(db, config.tableName),
    surveyScenes: new SurveySceneRepository(db, config.tableName),
    reminders: new ReminderRepository(db, config.tableName),
    surveyDrafts: new SurveyDraftRepository(db, config.tableName),
  };
  const services = createServices(infra);
  return { app: createApp(infra, services), db, infra, services };
}
