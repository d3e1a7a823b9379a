import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config';
import { createCore } from '../core';

/**
 * AWS Lambda behind an API Gateway HTTP API (payload v2). The core is built once per
 * container; hono's adapter turns the event into a Request and the Response back.
 */
const { app } = createCore(readConfig());

export const handler = handle(app);
