import type { catalogServices } from './features/catalog/catalog-services';
import type { evaluationServices } from './features/evaluation/evaluation-services';
import { identityServices } from './features/identity/identity-services';
import type { newsServices } from './features/news/news-services';
import type { rotationServices } from './features/rotation/rotation-services';
import type { surveysServices } from './features/surveys/surveys-services';
import type { Infrastructure } from './infrastructure';

type CatalogServices = ReturnType<typeof catalogServices>;
type SurveysServices = ReturnType<typeof surveysServices>;
type NewsServices = ReturnType<typeof newsServices>;
type RotationServices = ReturnType<typeof rotationServices>;
type EvaluationServices = ReturnType<typeof evaluationServices>;

/** The names a feature's services are reached by; `satisfies` below keeps each list equal to what its factory returns. */
type Names<T> = Record<keyof T, true>;

/**
 * Defines a feature's services on `services` as getters that build all of them together on
 * the first read of any: the feature's module (and its domain code, schemas and
 * repositories' callers) is required then, never at a container's start-up. Each is built
 * once, so every reader shares the same instances, as when they were built eagerly.
 */
function defineLazy<T extends object>(services: object, names: Names<T>, build: () => T): void {
  let built: T | undefined;
  for (const name of Object.keys(names)) {
    Object.defineProperty(services, name, { enumerable: true, get: () => (built ??= build())[name as keyof T] });
  }
}

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
  defineLazy<CatalogServices>(
    services,
    { directory: true, catalog: true, catalogAdmin: true, catalogImport: true } satisfies Names<CatalogServices>,
    () => (require('./features/catalog/catalog-services') as typeof import('./features/catalog/catalog-services')).catalogServices(infra),
  );
  defineLazy<SurveysServices>(
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
    } satisfies Names<SurveysServices>,
    () => (require('./features/surveys/surveys-services') as typeof import('./features/surveys/surveys-services')).surveysServices(infra),
  );
  defineLazy<NewsServices>(
    services,
    { newsAdmin: true, newsReading: true, newsSubscriptions: true, newsUploads: true, newsImageFiles: true } satisfies Names<NewsServices>,
    () => (require('./features/news/news-services') as typeof import('./features/news/news-services')).newsServices(infra),
  );
  defineLazy<RotationServices>(
    services,
    { rotationBatches: true, rotationNotices: true, rotationObjections: true, rotationPolicy: true } satisfies Names<RotationServices>,
    () =>
      (require('./features/rotation/rotation-services') as typeof import('./features/rotation/rotation-services')).rotationServices(infra),
  );
  defineLazy<EvaluationServices>(
    services,
    { evaluation: true, evaluationReports: true, scoreImport: true, indicatorSystems: true } satisfies Names<EvaluationServices>,
    () =>
      (
        require('./features/evaluation/evaluation-services') as typeof import('./features/evaluation/evaluation-services')
      ).evaluationServices(infra),
  );
  /* eslint-enable @typescript-eslint/no-require-imports */
  return services as typeof services & CatalogServices & SurveysServices & NewsServices & RotationServices & EvaluationServices;
}

export type Services = ReturnType<typeof createServices>;
