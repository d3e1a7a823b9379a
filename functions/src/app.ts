import { Hono } from 'hono';
import { ApiError, RouteNotFoundError } from './errors';
import type { AppEnv, AppServices } from './http/app-env';
import { districtsRouter } from './routes/districts';
import { groupsRouter } from './routes/groups';
import { schoolsRouter } from './routes/schools';

/**
 * The one HTTP core. Adapters (Lambda, WeChat cloud function, local server) only translate
 * their event into a Request and back; everything a client can observe is decided here.
 */
export function createApp(services: AppServices): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });

  app.get('/api/health', (c) => c.json({ ok: true }));
  app.route('/api/districts', districtsRouter);
  app.route('/api/groups', groupsRouter);
  app.route('/api/schools', schoolsRouter);

  app.notFound((c) => {
    const error = new RouteNotFoundError(c.req.method, c.req.path);
    return c.json({ error: { code: error.code, message: error.message } }, 404);
  });

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      const body = { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) };
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json({ error: body }, err.status);
    }
    // Unexpected: log the error type and stack only (no request data: it may hold personal data).
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled', error: err.name, stack: err.stack }));
    return c.json({ error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }, 500);
  });

  return app;
}
