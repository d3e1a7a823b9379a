import type { Context } from 'hono';
import { IdSchema } from '../../../shared';
import { NotFoundError } from '../errors';
import type { AppEnv } from './app-env';
import type { ScopeTarget } from './route-spec';
import { parseOr } from './validate';

const NOT_FOUND = { district: '未找到该区县', group: '未找到该教育集团', school: '未找到该学校' } as const;
type CatalogType = keyof typeof NOT_FOUND;

/** A district, group or school id from the path; a malformed one is simply not found (404). */
export const catalogId = (c: Context<AppEnv>, type: CatalogType, param = 'id'): string =>
  parseOr(IdSchema, c.req.param(param), () => new NotFoundError(NOT_FOUND[type]));

/** An access target: the route acts on the district, group or school named in the path. */
export const pathTarget =
  (type: CatalogType, param = 'id') =>
  (c: Context<AppEnv>): ScopeTarget => ({ type, id: catalogId(c, type, param) });

/** A path id of one of our own kinds (sv-…, rd-…, nw-…): anything else is simply not found. */
export const idParamOf =
  (pattern: RegExp, notFound: string, param = 'id') =>
  (c: Context<AppEnv>): string => {
    const id = c.req.param(param) ?? '';
    if (!pattern.test(id)) throw new NotFoundError(notFound);
    return id;
  };
