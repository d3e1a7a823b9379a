import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config';
import { createCore } from '../core';
import { mapStacksOnFirstUse } from '../log/source-mapped-stacks';
import { resolveParameterSecrets } from '../secrets/extension-secrets';

/** What hono's adapter binds besides the event: the part of API Gateway's request context read here. */
type LambdaBindings = { requestContext?: { http?: { sourceIp?: string } } };

/**
 * AWS Lambda behind an API Gateway HTTP API (payload v2). Secrets come from SSM Parameter
 * Store (the *_PARAMETER variables) through the Parameters and Secrets Lambda Extension, once
 * per container (no SSM client in the bundle); then hono's adapter turns the event
 * into a Request and the Response back. Dev login is never enabled here, whatever the env.
 */
mapStacksOnFirstUse();
const ready = resolveParameterSecrets(process.env).then((secrets) => {
  const { app } = createCore(readConfig({ ...process.env, ...secrets }, 'lambda'));
  // The caller's address as API Gateway saw it (not a header a client could set).
  const outer = new Hono<{ Bindings: LambdaBindings }>();
  outer.all('*', (c) => app.fetch(c.req.raw, { sourceIp: c.env.requestContext?.http?.sourceIp }));
  return handle(outer);
});
// Failing here fails each invocation (awaited below), not the process before the first one.
ready.catch(() => undefined);

type Handler = Awaited<typeof ready>;

export const handler = (async (event, context) => (await ready)(event, context)) as Handler;
