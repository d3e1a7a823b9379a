import type { catalogServices } from './features/catalog/catalog-services';
import type { evaluationServices } from './features/evaluation/evaluation-services';
import { identityServices } from './features/identity/identity-services';
import type { newsServices } from './features/news/news-services';
import type { rotationServices } from './features/rotation/rotation-services';
import type { surveysServices } from './features/surveys/surveys-services';
import type { Infrastructure } from './infrastructure';
import { defineLazyGroup } from './lazy-properties';

type CatalogServices = ReturnType<typeof catalogServices>;
type SurveysServices = ReturnType<typeof surveysServices>;
type NewsServices = ReturnType<typeof newsServices>;
type RotationServices = ReturnType<typeof rotationServices>;
type EvaluationServices = ReturnType<typeof evaluationServices>;

/**
 * Every service of every feature, built once per container from the infrastructure. This is
 * all a route sees: it holds no repository, so a route cannot reach the table around a rule.
 * Identity's are built at once (every request reads a session, a scope or a rate limit); the
 * other features' on their first use, through synchronous requires the bundler defers too
 * (a cold start runs only the code its first request needs; docs/performance.md).
 */
export function createServices(infra: Infrastructure) {
  const services = { config: infra.config, now: infra.now, logger: infra.logger, ...identityServices(infra) };
  /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
  defineLazyGroup<CatalogServices>(services, { directory: true, catalog: true, catalogAdmin: true, catalogImport: true }, () =>
    (require('./features/catalog/catalog-services') as typeof import('./features/catalog/catalog-services')).catalogServices(infra),
  );
  defineLazyGroup<SurveysServices>(
    services,
    {
      surveys: true,
      surveyListings: true,
      surveyReporting: true,
      surveyModeration: true,
      surveySettings: true,
      enrollment: true,
      surveyInvites: true,
      surveyReminders: true,
      surveyDrafts: true,
    },
    () => (require('./features/surveys/surveys-services') as typeof import('./features/surveys/surveys-services')).surveysServices(infra),
  );
  defineLazyGroup<NewsServices>(
    services,
    { newsAdmin: true, newsReading: true, newsSubscriptions: true, newsUploads: true, newsImageFiles: true },
    () => (require('./features/news/news-services') as typeof import('./features/news/news-services')).newsServices(infra),
  );
  defineLazyGroup<RotationServices>(
    services,
    { rotationBatches: true, rotationNotices: true, rotationObjections: true, rotationPolicy: true },
    () =>
      (require('./features/rotation/rotation-services') as typeof import('./features/rotation/rotation-services')).rotationServices(infra),
  );
  defineLazyGroup<EvaluationServices>(
    services,
    { evaluation: true, evaluationReports: true, scoreImport: true, indicatorSystems: true },
    () =>
      (
        require('./features/evaluation/evaluation-services') as typeof import('./features/evaluation/evaluation-services')
      ).evaluationServices(infra),
  );
  /* eslint-enable @typescript-eslint/no-require-imports */
  return services as typeof services & CatalogServices & SurveysServices & NewsServices & RotationServices & EvaluationServices;
}

export type Services = ReturnType<typeof createServices>;
