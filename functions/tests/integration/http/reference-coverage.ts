import type { z } from 'zod';
import { isWrite, type Route } from '../../../src/http/route';

/**
 * Which ids a staff write route's body names, read from its zod schema, and which of them no
 * test case sends from outside the caller's scope. The generated scope test fails on any
 * such id, so a new write route (or a new id field) cannot slip past the reference checks.
 */

/** A key that names an entity: schoolId, groupIds, previousRoundId… */
const ID_KEY = /(Id|Ids)$/;

type Def = { type: string; [key: string]: any };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } })?._zod?.def;

/**
 * The dotted paths of the id fields a schema holds, arrays left out of the path
 * (`definition.audience.schoolIds`, `system.dimensions.indicators.surveyId`).
 */
export function idFieldsOf(schema: z.ZodType): string[] {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (node: unknown, at: string[]) => {
    const def = defOf(node);
    if (!def || seen.has(node)) return;
    seen.add(node);
    switch (def.type) {
      case 'object':
        for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
          if (ID_KEY.test(key)) found.add([...at, key].join('.'));
          walk(child, [...at, key]);
        }
        break;
      case 'array':
        walk(def.element, at);
        break;
      case 'union':
        for (const option of def.options as unknown[]) walk(option, at);
        break;
      case 'intersection':
        walk(def.left, at);
        walk(def.right, at);
        break;
      case 'record':
        walk(def.valueType, at);
        break;
      case 'tuple':
        for (const item of def.items as unknown[]) walk(item, at);
        if (def.rest) walk(def.rest, at);
        break;
      case 'pipe':
        walk(def.in, at);
        walk(def.out, at);
        break;
      case 'lazy':
        walk(def.getter(), at);
        break;
      default:
        // optional, nullable, default, prefault, readonly, catch, nonoptional… wrap one schema.
        if (def.innerType) walk(def.innerType, at);
    }
    seen.delete(node);
  };
  walk(schema, []);
  return [...found].sort();
}

/** A reference's concrete path (`definition.audience.schoolIds.0`) as the field it fills. */
export const fieldOf = (path: string) =>
  path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');

export const routeKey = (spec: Pick<Route, 'method' | 'path'>) => `${spec.method} ${spec.path}`;

export const isStaffWrite = (spec: Route) => isWrite(spec) && spec.access.kind === 'roles';

const bodySchemaOf = (spec: Route): z.ZodType | undefined => (spec.body && 'schema' in spec.body ? spec.body.schema : spec.body);

/** `route field` for each id field of a staff write body. */
export function bodyIdFields(routes: Route[]): string[] {
  return routes.filter(isStaffWrite).flatMap((spec) => {
    const schema = bodySchemaOf(spec);
    return schema ? idFieldsOf(schema).map((field) => `${routeKey(spec)} ${field}`) : [];
  });
}

/**
 * The body id fields that neither a case (a foreign id sent there and refused) nor an
 * exemption covers, as `route field`: what the generated test reports, and fails on.
 */
export function uncoveredIdFields(routes: Route[], covered: Iterable<string>, exempt: Iterable<string>): string[] {
  const done = new Set([...covered, ...exempt]);
  return bodyIdFields(routes).filter((field) => !done.has(field));
}
