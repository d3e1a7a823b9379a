import { Hono } from 'hono';
import { isStoreUnavailable, StoreUnavailableError } from './db/store-errors';
import { ApiError, RouteNotFoundError } from './errors';
import type { AppEnv } from './http/app-env';
import { identify } from './http/identify';
import type { Route } from './http/route';
import { runRoute } from './http/run-route';
import type { Infrastructure } from './infrastructure';
import { allRoutes } from './routes';
import type { Services } from './services';

/**
 * The one HTTP core. Adapters (Lambda, WeChat cloud function, local server) only translate
 * their event into a Request and back; everything a client can observe is decided here.
 */
export function createApp(infra: Infrastructure, services: Services, routes: Route[] = allRoutes(infra.config)): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('services', services);
    const started = performance.now();
    await next();
    // The route pattern, never the raw path or query: those can carry personal data.
    services.logger.info(
      { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use('/api/*', identify);

  // Liveness: the process answers. Readiness also reads the table (any key will do: a miss is an
  // answer), so a load balancer or an operator can tell a store outage from a dead process.
  // Mounted rather than declared: probes are not API routes (no caller, no access declaration).
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.get('/api/health/ready', async (c) => {
    try {
      await infra.catalog.getDistrict('health-probe');
      return c.json({ ok: true });
    } catch (err) {
      services.logger.warn({ error: (err as Error).name }, 'not ready');
      const error = new StoreUnavailableError();
      return c.json({ ok: false, error: { code: error.code, message: error.message } }, 503, error.headers);
    }
  });
  for (const spec of routes) app.on(spec.method, spec.path, runRoute(spec));

  app.notFound((c) => {
    const error = new RouteNotFoundError(c.req.method, c.req.path);
    return c.json({ error: { code: error.code, message: error.message } }, 404);
  });

  app.onError((err, c) => {
    // A store outage is worth retrying, and the answer says so; anything else unexpected stays a 500.
    if (!(err instanceof ApiError) && isStoreUnavailable(err)) {
      services.logger.warn({ error: err.name }, 'store unavailable');
      err = new StoreUnavailableError();
    }
    if (err instanceof ApiError) {
      const body = { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json({ error: body }, err.status);
    }
    // Unexpected: the error type and stack only (no request data: it may hold personal data).
    services.logger.error({ error: err.name, stack: err.stack }, 'unhandled');
    return c.json({ error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }, 500);
  });

  return app;
}
