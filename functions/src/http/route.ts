import type { Context } from 'hono';
import type { z } from 'zod';
import type { Role } from '../../../shared';
import type { RequestUser } from '../features/identity/request-user';
import type { ScopeTarget } from '../features/identity/scope-target';
import type { RateBucket } from '../features/identity/domain/rate-bucket';
import type { Services } from '../services';
import type { AppEnv } from './app-env';
import type { ContractAnswer, EndpointKey } from './contract';
import type { PathParam } from './path-params';

export type { ScopeTarget };
export type StaffRole = Exclude<Role, 'parent'>;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route has parsed before it loads its subject. */
export interface ParsedInput<P, Q, B> {
  /** Path parameters, each checked by its declaration (malformed → 404). */
  params: P;
  /** The query string, validated (400). */
  query: Q;
  /** The JSON body, size-capped and validated before anything walks it (413 / 400). */
  body: B;
}

/** What a route has parsed and loaded before its access check, handed to the target and the handler. */
export interface RouteInput<P, Q, B, S> extends ParsedInput<P, Q, B> {
  /** The entity the route acts on, read once (404 if missing). */
  subject: S;
}

export interface HandlerInput<P, Q, B, S, U> extends RouteInput<P, Q, B, S> {
  /** The caller: always set on user and roles routes, possibly null on public ones. */
  user: U;
  services: Services;
}

export type AccessKind = 'public' | 'user' | 'roles';

/**
 * Who may call a route, declared here and nowhere else. The authorization-matrix test walks
 * these declarations, and a route registered without one fails it.
 * - public: anyone. Its handler sees no caller (null) unless it declares `readsCaller`: only then
 *   is a sent session read (AP124), and an ended one treated as no caller. A public read that
 *   does not personalise its answer thus costs no session read for a signed-in client;
 * - user: any signed-in caller;
 * - roles: staff of the given roles whose scope contains the route's `target`.
 */
export type Access<K extends AccessKind = AccessKind, C extends true | undefined = true | undefined> = K extends 'roles'
  ? { kind: K; roles: readonly StaffRole[] }
  : K extends 'public'
    ? { kind: K; readsCaller?: C }
    : { kind: K };

/** The caller a handler gets: null on a public route unless it reads the caller, then the caller if signed in. */
type CallerOf<K extends AccessKind, C> = K extends 'public' ? (C extends true ? RequestUser | null : null) : RequestUser;

/** The entity whose placement a staff route is checked against, computed from the parsed input and the subject. */
export type Target<In = RouteInput<Record<string, string>, unknown, unknown, unknown>> = (input: In) => ScopeTarget | Promise<ScopeTarget>;

/**
 * An id inside the input (body or query) that names a catalogue entity: the caller's scope must
 * contain it as well as the target. `path` is where it sits in the body (e.g.
 * `definition.audience.schoolIds.0`), so the generated scope test can put a foreign id there.
 */
export interface Reference {
  path: string;
  target: ScopeTarget;
}

/** Turns validation issues into the route's own 400 (default: VALIDATION_FAILED with the fields). */
export type InvalidInput = (issues: Array<{ path: string; message: string }>) => Error;

/** A query string: its schema, and optionally its own error. */
export interface QuerySpec<Q> {
  schema: z.ZodType<Q>;
  invalid?: InvalidInput;
}

/** A JSON body: its schema, optionally a byte cap checked before the text is parsed, and its own error. */
export interface BodySpec<B> {
  schema: z.ZodType<B>;
  maxBytes?: number;
  /** Message of the 413 when the cap is exceeded. */
  tooLarge?: string;
  invalid?: InvalidInput;
}

type Params = Record<string, string>;

/**
 * One route: what it reads (path params, query, body), what it acts on (`load`), who may call
 * it (`access`), and one handler that calls a service and shapes the answer. The pipeline in
 * http/run-route.ts does the rest in a fixed order (see there), so no route reads its input twice.
 * The handler's answer (R) is checked against the API contract by route().
 */
export interface RouteSpec<
  M extends Method,
  P extends string,
  PK extends string,
  Q,
  B,
  S,
  K extends AccessKind,
  R extends Response,
  C extends true | undefined = undefined,
> {
  method: M;
  /** Full hono path, e.g. /api/schools/:id */
  path: P;
  params?: Record<PK, PathParam>;
  query?: QuerySpec<Q> | z.ZodType<Q>;
  body?: BodySpec<B> | z.ZodType<B>;
  /**
   * The subject, loaded once. A route with `loadsSession` gets the caller here too, and its load
   * must hand the caller's session item to RequestUser.settle (read with the subject in one
   * request) or leave it to be read after the load.
   */
  load?: (services: Services, input: ParsedInput<Record<PK, string>, Q, B>, caller: RequestUser | null) => Promise<S>;
  /** The load reads the caller's session with the subject (see load), instead of a read of its own first. */
  loadsSession?: true;
  access: Access<K, C>;
  /** Required for staff routes (access kind 'roles'): what the caller's scope must contain. */
  target?: Target<RouteInput<Record<PK, string>, Q, B, S>>;
  /**
   * Staff write routes whose body names districts, groups or schools list them here (an empty
   * list says the body names none); each must lie in the caller's scope (403 FORBIDDEN_REFERENCE).
   */
  references?: (input: RouteInput<Record<PK, string>, Q, B, S>) => Reference[];
  /**
   * Write routes of a known user take a token from this bucket (default: 'writes'), or, with
   * 'service', the service takes one only for the work a token protects (and says why).
   */
  rateBucket?: RateBucket | 'service';
  handler: (c: Context<AppEnv>, input: HandlerInput<Record<PK, string>, Q, B, S, CallerOf<K, C>>) => R | Promise<R>;
}

/** A declared route with its types erased: what the app registers and the tests walk. */
export interface Route {
  method: Method;
  path: string;
  params?: Record<string, PathParam>;
  query?: QuerySpec<unknown> | z.ZodType;
  body?: BodySpec<unknown> | z.ZodType;
  load?: (services: Services, input: ParsedInput<Params, unknown, unknown>, caller: RequestUser | null) => Promise<unknown>;
  loadsSession?: true;
  access: Access;
  target?: Target;
  references?: (input: RouteInput<Params, unknown, unknown, unknown>) => Reference[];
  rateBucket?: RateBucket | 'service';
  handler: (c: Context<AppEnv>, input: HandlerInput<Params, unknown, unknown, unknown, RequestUser | null>) => Response | Promise<Response>;
}

/**
 * Declares a route; the types of params, query, body and subject flow from the declaration to the
 * handler. The method and path are read as literals, so the endpoint's key names its entry in the
 * API contract (shared/api/api-contract.ts), and a handler answering another shape does not
 * compile (http/contract.ts).
 */
export function route<
  M extends Method,
  P extends string,
  R extends ContractAnswer<EndpointKey<M, P>, R>,
  PK extends string = never,
  Q = undefined,
  B = undefined,
  S = undefined,
  K extends AccessKind = AccessKind,
  C extends true | undefined = undefined,
>(spec: RouteSpec<M, P, PK, Q, B, S, K, R, C>): Route {
  // A staff route without a target could only be checked against nothing: refuse it at start-up.
  if ((spec.access.kind === 'roles') !== (spec.target !== undefined)) {
    throw new Error(`${spec.method} ${spec.path}: a target is declared exactly for staff (roles) routes`);
  }
  // A public route treats a dead session as no caller, which a load that used the caller cannot undo.
  if (spec.loadsSession && spec.access.kind === 'public')
    throw new Error(`${spec.method} ${spec.path}: a public route cannot load the session`);
  return spec as unknown as Route;
}

export const isWrite = (spec: Pick<Route, 'method'>) => spec.method !== 'GET';
