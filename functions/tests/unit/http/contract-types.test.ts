import type { ApiResponse, DistrictList } from '../../../../shared';
import type { Same } from '../../../src/http/contract';
import { route } from '../../../src/http/route';
import type { callEndpoint } from '../../../../miniprogram/src/api/endpoint';
import type { getSchool, listDistricts } from '../../../../miniprogram/src/api/catalog';
import type { submitResponse } from '../../../../miniprogram/src/api/surveys';

/**
 * The contract at compile time: `npx tsc -p tsconfig.json --noEmit` checks this file, and every
 * `@ts-expect-error` below fails that check if its line compiles, so each line proves one way the
 * server or the client cannot drift from shared/api/api-contract.ts. Jest runs the declarations
 * too, so the routes built here are also looked at.
 */

const open = { kind: 'public' } as const;
// Typed values for handlers that are declared, never called: only their types matter.
declare const districts: DistrictList;
declare const call: typeof callEndpoint;

/** What a client function's promise holds. */
type ClientAnswer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const routes = [
  // A handler answering its contract's shape compiles.
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.json(districts) }),
  // @ts-expect-error a field missing (items)
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.json({}) }),
  // @ts-expect-error a field the contract does not have (total)
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.json({ ...districts, total: 1 }) }),
  // @ts-expect-error a field of another type (items: number)
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.json({ items: 1 }) }),
  // @ts-expect-error a field missing deeper down (a district without its name)
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.json({ items: [{ id: 'x' }] }) }),
  // @ts-expect-error a contracted endpoint answering something else than JSON
  route({ method: 'GET', path: '/api/districts', access: open, handler: (c) => c.body('x') }),

  // @ts-expect-error a route in neither the contract nor the non-JSON list
  route({ method: 'GET', path: '/api/nowhere', access: open, handler: (c) => c.json(districts) }),
  // @ts-expect-error the same path under another method is another endpoint
  route({ method: 'POST', path: '/api/districts', access: open, handler: (c) => c.json(districts) }),

  // A non-JSON endpoint answering a file compiles…
  route({ method: 'GET', path: '/api/rotation/template', access: open, handler: (c) => c.body('x') }),
  // @ts-expect-error …and answering c.json does not
  route({ method: 'GET', path: '/api/rotation/template', access: open, handler: (c) => c.json(districts) }),
];

// The client: a function typed otherwise than its endpoint's contract does not compile.
const districtsOnTheClient: () => Promise<ApiResponse<'GET /api/districts'>> = async () => districts;
// @ts-expect-error a field of another type
const wrongItems: () => Promise<ApiResponse<'GET /api/districts'>> = async () => ({ items: 1 });
// @ts-expect-error a field missing
const noItems: () => Promise<ApiResponse<'GET /api/districts'>> = async () => ({});
// @ts-expect-error another endpoint's answer
const otherEndpoint: () => Promise<ApiResponse<'GET /api/districts'>> = () => call('GET /api/schools', { query: {} });
// @ts-expect-error a path with params is not called without them
const noParams = () => call('GET /api/schools/:id');
// @ts-expect-error nor with another param than its path names
const wrongParam = () => call('GET /api/schools/:id', { params: { schoolId: 'x' } });

// The mini-program's own functions answer exactly their endpoint's type.
const clientChecks = {
  listDistricts: true satisfies Same<ClientAnswer<typeof listDistricts>, ApiResponse<'GET /api/districts'>>,
  getSchool: true satisfies Same<ClientAnswer<typeof getSchool>, ApiResponse<'GET /api/schools/:id'>>,
  // What the server sends when WeChat refused free texts, so the answer page can say so.
  refusedTexts: true satisfies Same<
    Extract<ClientAnswer<typeof submitResponse>, { refusedTexts: unknown }>,
    { ok: true; refusedTexts: string[]; message: string }
  >,
  // @ts-expect-error one endpoint's function does not answer another's shape
  crossed: true satisfies Same<ClientAnswer<typeof listDistricts>, ApiResponse<'GET /api/schools'>>,
};

describe('the API contract at compile time (checked by tsc)', () => {
  test('route() keeps every declaration it type-checked', () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual([
      ...Array(6).fill('GET /api/districts'),
      'GET /api/nowhere',
      'POST /api/districts',
      'GET /api/rotation/template',
      'GET /api/rotation/template',
    ]);
  });

  test('the client declarations are functions, and the client checks hold', () => {
    const clientFunctions = [districtsOnTheClient, wrongItems, noItems, otherEndpoint, noParams, wrongParam];
    expect(clientFunctions.every((f) => typeof f === 'function')).toBe(true);
    expect(Object.values(clientChecks).every(Boolean)).toBe(true);
  });
});
