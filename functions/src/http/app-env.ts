import type { ServerConfig } from '../config';
import type { ScopeResolver } from '../features/identity/scope-resolver';
import type { Logger } from '../log/logger';
import type { CatalogRepository } from '../features/catalog/catalog-repository';
import type { RateLimitRepository } from '../features/identity/rate-limit-repository';
import type { StaffRepository } from '../features/identity/staff-repository';
import type { SurveyRepository } from '../features/surveys/survey-repository';
import type { EvaluationRepository } from '../features/evaluation/evaluation-repository';
import type { NewsRepository } from '../features/news/news-repository';
import type { ImageStore } from '../storage/image-store';
import type { RotationRepository } from '../features/rotation/rotation-repository';
import type { UserRepository } from '../features/identity/user-repository';
import type { SchoolDirectory } from '../features/catalog/school-directory';
import type { RequestUser } from '../features/identity/request-user';
import type { SubscribeMessage, SubscribeMessageResult } from '../wechat/wechat-client';

/** What the adapters hand the core besides the request. */
export interface AppBindings {
  /** Set only by the WeChat cloud adapter, from cloud.getWXContext() (trusted by WeChat). */
  wxOpenId?: string;
}

/** The part of the WeChat API client the core needs (functions/src/wechat). */
export interface WeChatLogin {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
  msgSecCheck(input: {
    openid: string;
    content: string;
    scene: 1 | 2 | 3 | 4;
  }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }>;
  sendSubscribeMessage(input: SubscribeMessage): Promise<SubscribeMessageResult>;
}

export interface AppServices {
  config: ServerConfig;
  logger: Logger;
  catalog: CatalogRepository;
  directory: SchoolDirectory;
  users: UserRepository;
  staff: StaffRepository;
  surveys: SurveyRepository;
  evaluations: EvaluationRepository;
  news: NewsRepository;
  newsImages: ImageStore;
  rotation: RotationRepository;
  rateLimits: RateLimitRepository;
  scopes: ScopeResolver;
  wechat: WeChatLogin;
  now: () => Date;
}

export type AppEnv = {
  Bindings: AppBindings;
  Variables: {
    services: AppServices;
    user: RequestUser | null;
    /** A token was sent but is invalid, expired or its session ended: 401, not "anonymous". */
    sessionRejected: boolean;
    /** What a request loaded once (http/request-once.ts): its body, the entity it acts on. */
    once: Map<string, Promise<unknown>>;
  };
};
