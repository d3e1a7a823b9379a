import type { ApiKey, ApiResponse } from '../../../shared';
import { request, type ApiRequest } from './request';

/** The names of a path's `:params`, e.g. 'id' | 'groupId' for '/api/admin/rounds/:id/groups/:groupId'. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type PathOf<K extends ApiKey> = K extends `${string} ${infer P}` ? P : never;

/** What a call sends besides the endpoint: its path params (required exactly when the path has some), query and body. */
export type EndpointInput<K extends ApiKey> = Pick<ApiRequest, 'query' | 'body'> &
  ([ParamNames<PathOf<K>>] extends [never] ? { params?: never } : { params: Record<ParamNames<PathOf<K>>, string> });

type InputArgs<K extends ApiKey> = [ParamNames<PathOf<K>>] extends [never] ? [input?: EndpointInput<K>] : [input: EndpointInput<K>];

/** request() takes paths below the API root; the contract's keys hold the whole path. */
const API_ROOT = '/api';

/**
 * Calls an endpoint of the API contract (shared/api/api-contract.ts), named by its key, so the
 * method, the path and the answer's type all come from the one entry the server is checked
 * against: a client function cannot ask one endpoint and expect another's shape.
 */
export function callEndpoint<K extends ApiKey>(key: K, ...[input]: InputArgs<K>): Promise<ApiResponse<K>> {
  const [method, path] = key.split(' ') as [NonNullable<ApiRequest['method']>, string];
  const params: Record<string, string> = input?.params ?? {};
  const filled = path.slice(API_ROOT.length).replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));
  return request<ApiResponse<K>>({ method, path: filled, query: input?.query, body: input?.body });
}
