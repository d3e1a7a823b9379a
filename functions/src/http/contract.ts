import type { TypedResponse } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { ApiResponse, ApiResponses, NonJsonEndpoint } from '../../../shared';

/** A route's endpoint key, as the contract spells it: `'GET /api/districts'`. */
export type EndpointKey<M extends string, P extends string> = `${M} ${P}`;

/**
 * True when A and B are the same type, not merely assignable one way: two generic functions
 * whose return types are deferred conditionals over A and B relate only if A and B are identical.
 */
export type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

type JsonAnswer<T> = Response & TypedResponse<T, StatusCode, 'json'>;

/** The data of a handler's JSON answers (a union when its branches answer differently). */
type JsonData<R> = R extends TypedResponse<infer T, infer _Status, 'json'> ? T : never;

/** A property no answer has, named so that the compiler's message says what is wrong and shows both shapes. */
interface ContractBroken<Problem extends string, Detail = never> {
  contractBroken: { problem: Problem; detail: Detail };
}

/**
 * What a route's handler may answer, given its endpoint E and what it does answer R (the
 * constraint of route()'s R, which is inferred from the handler, so a handler that breaks the
 * contract fails at its declaration):
 * - a contracted endpoint answers c.json(data) on every branch (else: not assignable to a JSON
 *   answer of the contract's shape, with the compiler's usual field-by-field message), and
 *   JSONParsed of the data is identical to JSONParsed of the contract's type. Both sides pass
 *   through the same transform, so e.g. an optional field is compared as what JSON makes of it.
 *   Identical, not assignable: an extra field, at any depth, fails too (ContractBroken, with both shapes);
 * - an endpoint listed as non-JSON (NON_JSON_ENDPOINTS) does not answer c.json;
 * - any other endpoint is refused: a new route needs its entry in the contract, or in that list.
 */
export type ContractAnswer<E extends string, R> = E extends keyof ApiResponses
  ? [R] extends [JsonAnswer<unknown>]
    ? Same<JsonData<R>, ApiResponse<E>> extends true
      ? Response
      : JsonAnswer<ApiResponse<E>> &
          ContractBroken<`${E} answers another shape than its contract`, { answers: JsonData<R>; contract: ApiResponse<E> }>
    : JsonAnswer<ApiResponse<E>>
  : E extends NonJsonEndpoint
    ? [Extract<R, JsonAnswer<unknown>>] extends [never]
      ? Response
      : Response & ContractBroken<`${E} is listed as non-JSON but answers c.json(...)`>
    : Response & ContractBroken<`${E} is in neither ApiResponses nor NON_JSON_ENDPOINTS (shared/api/)`>;
