import type { Context, Handler } from 'hono';
import { isAllowed } from '../features/identity/domain/authorize';
import { ForbiddenError, ForbiddenReferenceError, InvalidSessionError, NotFoundError, UnauthenticatedError } from '../errors';
import type { RequestUser } from '../features/identity/request-user';
import type { AppEnv } from './app-env';
import { readBody } from './read-body';
import { isWrite, type Route, type RouteInput } from './route';
import { parseOr } from './validate';

type Input = RouteInput<Record<string, string>, unknown, unknown, unknown>;

/** Path parameters by their declarations: anything malformed names nothing, so it is a 404. */
function readParams(c: Context<AppEnv>, spec: Route): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, param] of Object.entries(spec.params ?? {})) {
    const value = c.req.param(name) ?? '';
    if (!param.accepts(value)) throw new NotFoundError(param.notFound);
    params[name] = value;
  }
  return params;
}

/** The query string by the route's schema (400, or the route's own error). */
function readQuery(c: Context<AppEnv>, query: NonNullable<Route['query']>): unknown {
  const { schema, invalid } = 'schema' in query ? query : { schema: query, invalid: undefined };
  return parseOr(schema, c.req.query(), invalid);
}

/**
 * The caller if their session is live (RequestUser.live); else 401 where a caller is required,
 * and anonymous on a public route.
 */
async function liveCaller(sent: RequestUser | null, access: Route['access']): Promise<RequestUser | null> {
  if (!sent || (await sent.live())) return sent;
  if (access.kind !== 'public') throw new InvalidSessionError();
  return null;
}

/** Does the route see its caller? Every route but a public one that does not read it (route.ts, Access). */
const seesCaller = (access: Route['access']) => access.kind !== 'public' || access.readsCaller === true;

/**
 * Runs one declared route, always in this order:
 * 1. a caller is required unless the route is public (401; a rejected token says so), and their
 *    session must be live (401), read first (AP124) unless the route `loadsSession`: then the
 *    load's own read decides it, and a dead session is still answered 401 before anything else.
 *    A public route reads the session only if it declares `readsCaller`; otherwise it has none;
 * 2. path params (404), query (400) and body (413 / 400) are parsed and validated, once;
 * 3. the subject is loaded, once (its loader answers 404);
 * 4. for staff routes, the target computed from that input must lie in the caller's scope (403);
 * 5. writes of a known caller take a rate-limit token (429), unless the service takes it;
 * 6. the handler gets the parsed input, the subject, the caller and the services.
 */
export function runRoute(spec: Route): Handler<AppEnv> {
  return async (c) => {
    const { access } = spec;
    const services = c.get('services');
    const sent = seesCaller(access) ? c.get('user') : null;
    if (access.kind !== 'public' && !sent) throw c.get('sessionRejected') ? new InvalidSessionError() : new UnauthenticatedError();
    let user = spec.loadsSession ? sent : await liveCaller(sent, access);

    let input: Input;
    try {
      const params = readParams(c, spec);
      const query = spec.query ? readQuery(c, spec.query) : undefined;
      const body = spec.body ? await readBody(c, spec.body) : undefined;
      const subject = spec.load ? await spec.load(services, { params, query, body }, user) : undefined;
      input = { params, query, body, subject };
    } catch (error) {
      if (spec.loadsSession) await liveCaller(sent, access);
      throw error;
    }
    if (spec.loadsSession) user = await liveCaller(sent, access);

    if (access.kind === 'roles') {
      const roles = [...access.roles];
      const target = await spec.target!(input);
      const [placement, grants] = await Promise.all([services.scopes.placementOf(target), user!.grants()]);
      if (!isAllowed(grants, roles, placement)) throw new ForbiddenError();
      // Every id the body names is checked like the target: an admin cannot reach past their scope through it.
      for (const reference of spec.references?.(input) ?? []) {
        const where = await services.scopes.placementOf(reference.target).catch(() => null);
        if (!where || !isAllowed(grants, roles, where)) throw new ForbiddenReferenceError(reference.path);
      }
    }
    if (user && isWrite(spec) && spec.rateBucket !== 'service') {
      await services.rateLimiter.take(user.userKey, spec.rateBucket ?? 'writes');
    }
    return spec.handler(c, { ...input, user, services });
  };
}
