/** Transitional: the shape of routes not yet declared with http/route.ts (removed when none is left). */
import type { Context } from 'hono';
import type { Role } from '../../../shared';
import { MalformedBodyError } from '../errors';
import type { RateBucket } from '../features/identity/domain/rate-bucket';
import type { ScopeTarget } from '../features/identity/scope-target';
import type { AppEnv } from './app-env';

export type { ScopeTarget };

/**
 * Every route declares who may call it, here and nowhere else. The authorization-matrix test
 * walks these declarations, and a route registered without one fails it.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'roles'; roles: Exclude<Role, 'parent'>[]; target: (c: Context<AppEnv>) => ScopeTarget | Promise<ScopeTarget> };

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Full hono path, e.g. /api/schools/:id */
  path: string;
  access: Access;
  /** Write routes of a known user take a token from this bucket (default: 'writes'). */
  rateBucket?: RateBucket;
  handler: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** Reads and validates a JSON body once (malformed JSON is a 400, never a 500). */
export async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.length === 0) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MalformedBodyError();
  }
}
