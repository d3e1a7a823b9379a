import { createApp } from './app';
import { ScopeResolver } from './features/identity/scope-resolver';
import type { ServerConfig } from './config';
import { createDocumentClient } from './db/client';
import type { AppServices } from './http/app-env';
import { createLogger, type Logger } from './log/logger';
import { CatalogRepository } from './features/catalog/catalog-repository';
import { RateLimitRepository } from './features/identity/rate-limit-repository';
import { StaffRepository } from './features/identity/staff-repository';
import { SurveyRepository } from './features/surveys/survey-repository';
import { EvaluationRepository } from './features/evaluation/evaluation-repository';
import { NewsRepository } from './features/news/news-repository';
import { createImageStore } from './storage/create-image-store';
import { RotationRepository } from './features/rotation/rotation-repository';
import { UserRepository } from './features/identity/user-repository';
import { SchoolDirectory } from './features/catalog/school-directory';
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
  const catalog = new CatalogRepository(db, config.tableName);
  const staff = new StaffRepository(db, config.tableName);
  const services: AppServices = {
    config,
    logger,
    catalog,
    directory: new SchoolDirectory(catalog, config.searchCacheTtlMs),
    users: new UserRepository(db, config.tableName),
    staff,
    surveys: new SurveyRepository(db, config.tableName),
    evaluations: new EvaluationRepository(db, config.tableName),
    news: new NewsRepository(db, config.tableName),
    newsImages: createImageStore(config, now),
    rotation: new RotationRepository(db, config.tableName),
    rateLimits: new RateLimitRepository(db, config.tableName, () => now().getTime()),
    scopes: new ScopeResolver(catalog, staff),
    wechat: new WeChatClient(config.wechat, { logger }),
    now,
  };
  return { app: createApp(services), db, services };
}
