import type { ServerConfig } from '../config';
import type { RouteSpec } from '../http/route-spec';
import { adminRoutes } from './admin';
import { authRoutes, devLoginRoute } from './auth';
import { districtRoutes } from './districts';
import { groupRoutes } from './groups';
import { meRoutes } from './me';
import { schoolRoutes } from './schools';
import { surveyRoutes } from './surveys';
import { evaluationRoutes } from './evaluation';
import { newsRoutes } from './news';
import { evaluationReportRoutes } from './evaluation-reports';
import { rotationRoutes } from './rotation';

/** Every route of the API, each with its access declaration (see http/route-spec.ts). */
export function allRoutes(config: Pick<ServerConfig, 'auth'>): RouteSpec[] {
  return [
    ...districtRoutes,
    ...groupRoutes,
    ...schoolRoutes,
    ...authRoutes,
    ...(config.auth.devLogin ? [devLoginRoute] : []),
    ...meRoutes,
    ...adminRoutes,
    ...surveyRoutes,
    ...evaluationRoutes,
    ...newsRoutes,
    ...evaluationReportRoutes,
    ...rotationRoutes,
  ];
}
