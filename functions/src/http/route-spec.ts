import type { Context } from 'hono';
import type { Role } from '../../../shared';
import { MalformedBodyError } from '../errors';
import type { RATE_BUCKETS } from '../features/identity/rate-limit-repository';
import type { AppEnv } from './app-env';

/** What a route protects: the entity it acts on, resolved from the request. */
export type ScopeTarget =
  | { type: 'district'; id: string }
  | { type: 'group'; id: string }
  /** The group's district only: for what group admins must not manage (e.g. group-admin invites). */
  | { type: 'district-of-group'; id: string }
  | { type: 'school'; id: string }
  | { type: 'teacher'; id: string }
  | { type: 'invite'; id: string };

/**
 * Every route declares who may call it, here and nowhere else. The authorization-matrix test
 * walks these declarations, and a route registered without one fails it.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'roles'; roles: Exclude<Role, 'parent'>[]; target: (c: Context<AppEnv>) => ScopeTarget | Promise<ScopeTarget> };

export type RateBucket = (typeof RATE_BUCKETS)[number];

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Full hono path, e.g. /api/schools/:id */
  path: string;
  access: Access;
  /** Write routes of a known user take a token from this bucket (default: 'writes'). */
  rateBucket?: RateBucket;
  handler: (c: Context<AppEnv>) => Response | Promise<Response>;
}

export const isWrite = (spec: Pick<RouteSpec, 'method'>) => spec.method !== 'GET';

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
