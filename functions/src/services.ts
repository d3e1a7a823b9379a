import { catalogServices } from './features/catalog/catalog-services';
import { evaluationServices } from './features/evaluation/evaluation-services';
import { identityServices } from './features/identity/identity-services';
import { newsServices } from './features/news/news-services';
import { rotationServices } from './features/rotation/rotation-services';
import { surveysServices } from './features/surveys/surveys-services';
import type { Infrastructure } from './infrastructure';

/**
 * Every service of every feature, built once per container from the infrastructure. This is
 * all a route sees: it holds no repository, so a route cannot reach the table around a rule.
 */
export function createServices(infra: Infrastructure) {
  return {
    config: infra.config,
    now: infra.now,
    logger: infra.logger,
    ...catalogServices(infra),
    ...identityServices(infra),
    ...surveysServices(infra),
    ...newsServices(infra),
    ...rotationServices(infra),
    ...evaluationServices(infra),
  };
}

export type Services = ReturnType<typeof createServices>;
