import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { relative } from 'node:path';
import type { AppEnv } from '../http/app-env';

/**
 * The local Node server: the core's routes under /api and, for `npm start`, the H5 build at /.
 * Binds to 127.0.0.1 only: it is a development and demo server.
 */
export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface LocalServerOptions {
  app: Hono<AppEnv>;
  port: number;
  host?: string;
  /** Folder of the H5 build; null serves the API only. */
  staticDir?: string | null;
}

export function startLocalServer({ app, port, host = '127.0.0.1', staticDir = null }: LocalServerOptions): Promise<LocalServer> {
  const root = new Hono<AppEnv>();
  if (staticDir) {
    // serveStatic resolves `root` against the working directory.
    const assets = serveStatic({ root: relative(process.cwd(), staticDir) || '.' });
    root.use('*', (c, next) => (c.req.path.startsWith('/api') ? next() : assets(c, next)));
  }
  // Delegate rather than mount, so the core's own not-found and error answers apply; the
  // caller's address is the socket's (this server is reached directly, never through a proxy).
  root.all('*', (c) => app.fetch(c.req.raw, { sourceIp: getConnInfo(c).remote.address }));

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: root.fetch, port, hostname: host }, (info: AddressInfo) => {
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}
