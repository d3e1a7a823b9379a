import { createApp } from './app';
import type { ServerConfig } from './config';
import { createDocumentClient } from './db/client';
import { CatalogRepository } from './features/catalog/catalog-repository';
import { RateLimitRepository } from './features/identity/rate-limit-repository';
import { StaffRepository } from './features/identity/staff-repository';
import { UserRepository } from './features/identity/user-repository';
import type { Infrastructure } from './infrastructure';
import { defineLazyEach } from './lazy-properties';
import { createLogger, type Logger } from './log/logger';
import { createServices } from './services';
import { createSnapshotStore } from './storage/create-snapshot-store';
import { WeChatClient } from './wechat/wechat-client';

export interface CoreOverrides {
  logger?: Logger;
  now?: () => Date;
}

/** What every request may read (sessions, scopes, rate limits): built with the core. */
type EagerInfrastructure = 'config' | 'logger' | 'now' | 'catalog' | 'users' | 'staff' | 'rateLimits' | 'wechat';

/** The composition root every adapter calls once per container/process. */
export function createCore(config: ServerConfig, overrides: CoreOverrides = {}) {
  const db = createDocumentClient({ endpoint: config.dynamodbEndpoint, region: config.region });
  const logger = overrides.logger ?? createLogger();
  const now = overrides.now ?? (() => new Date());
  const table = config.tableName;
  // The other features' repositories and the image store are built on their first use (lazy-properties.ts).
  const eager: Pick<Infrastructure, EagerInfrastructure> = {
    config,
    logger,
    now,
    catalog: new CatalogRepository(db, table, createSnapshotStore(config)),
    users: new UserRepository(db, table),
    staff: new StaffRepository(db, table),
    rateLimits: new RateLimitRepository(db, table, () => now().getTime()),
    wechat: new WeChatClient(config.wechat, { logger }),
  };
  /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
  defineLazyEach<Omit<Infrastructure, EagerInfrastructure>>(eager, {
    catalogWrites: () =>
      new (require('./features/catalog/admin/catalog-writes') as typeof import('./features/catalog/admin/catalog-writes')).CatalogWrites(
        db,
        table,
      ),
    surveys: () =>
      new (require('./features/surveys/survey-repository') as typeof import('./features/surveys/survey-repository')).SurveyRepository(
        db,
        table,
      ),
    evaluations: () =>
      new (
        require('./features/evaluation/evaluation-repository') as typeof import('./features/evaluation/evaluation-repository')
      ).EvaluationRepository(db, table),
    news: () =>
      new (require('./features/news/news-repository') as typeof import('./features/news/news-repository')).NewsRepository(db, table),
    newsImages: () =>
      (require('./storage/create-image-store') as typeof import('./storage/create-image-store')).createImageStore(config, now),
    rotation: () =>
      new (
        require('./features/rotation/rotation-repository') as typeof import('./features/rotation/rotation-repository')
      ).RotationRepository(db, table),
    catalogImportWrites: () =>
      new (
        require('./features/catalog/import/catalog-import-writes') as typeof import('./features/catalog/import/catalog-import-writes')
      ).CatalogImportWrites(db, table),
    surveyScenes: () =>
      new (
        require('./features/surveys/survey-scene-repository') as typeof import('./features/surveys/survey-scene-repository')
      ).SurveySceneRepository(db, table),
    reminders: () =>
      new (require('./features/surveys/reminder-repository') as typeof import('./features/surveys/reminder-repository')).ReminderRepository(
        db,
        table,
      ),
    surveyDrafts: () =>
      new (
        require('./features/surveys/drafts/draft-repository') as typeof import('./features/surveys/drafts/draft-repository')
      ).SurveyDraftRepository(db, table),
  });
  /* eslint-enable @typescript-eslint/no-require-imports */
  const infra = eager as Infrastructure;
  const services = createServices(infra);
  return { app: createApp(infra, services), db, infra, services };
}
