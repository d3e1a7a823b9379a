import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { JsonText } from '../../../shared';
import type { AppEnv } from './app-env';

/**
 * A new header object per answer: the local Node adapter writes Content-Length into the object
 * it is given, so one shared between requests breaks the next answer (tests/contract/local-server-headers.test.ts).
 */
const jsonType = () => ({ 'content-type': 'application/json; charset=utf-8' });

/**
 * Sends JSON that is already text, as c.json would send the value, and typed as c.json would
 * type it: the contract checks the endpoint by what the text holds, not as a bare body.
 */
export function jsonText<T>(c: Context<AppEnv>, text: JsonText<T>): Response & TypedResponse<JSONParsed<T>, 200, 'json'> {
  const sent: Response = c.body(text, 200, jsonType());
  return sent as Response & TypedResponse<JSONParsed<T>, 200, 'json'>;
}
