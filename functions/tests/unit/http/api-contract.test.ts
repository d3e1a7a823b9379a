import { CONTRACT_KEYS, NON_JSON_ENDPOINTS } from '../../../../shared';
import type { Route } from '../../../src/http/route';
import { allRoutes } from '../../../src/routes';

/**
 * The contract (shared/api/) and the routes name the same endpoints: every route answering JSON
 * has its entry in ApiResponses (CONTRACT_KEYS is that interface's list of keys, checked by the
 * compiler), every other route is listed as non-JSON, and no entry outlives its route.
 */
const keyOf = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

/** Every way the routes and the two lists can disagree, named by endpoint. */
function contractGaps(routes: Array<Pick<Route, 'method' | 'path'>>, contract: string[], nonJson: readonly string[]) {
  const declared = routes.map(keyOf);
  return {
    routesInNeitherList: declared.filter((key) => !contract.includes(key) && !nonJson.includes(key)),
    contractEntriesWithoutRoute: contract.filter((key) => !declared.includes(key)),
    nonJsonEntriesWithoutRoute: nonJson.filter((key) => !declared.includes(key)),
    inBothLists: contract.filter((key) => nonJson.includes(key)),
  };
}

const NO_GAPS = { routesInNeitherList: [], contractEntriesWithoutRoute: [], nonJsonEntriesWithoutRoute: [], inBothLists: [] };
// Every route, the demo login included (it is only registered when enabled).
const routes = allRoutes({ auth: { devLogin: true, sessionSecret: '', pseudonymSecret: '', sessionTtlSeconds: 0 } });
const contract = Object.keys(CONTRACT_KEYS);

describe('the API contract', () => {
  test('has an entry for exactly the routes that answer JSON', () => {
    // Prepare
    const jsonRoutes = routes.map(keyOf).filter((key) => !(NON_JSON_ENDPOINTS as readonly string[]).includes(key));

    // Act + Assess (sorted lists, so a route declared twice shows too)
    expect([...jsonRoutes].sort()).toEqual([...contract].sort());
    expect(contractGaps(routes, contract, NON_JSON_ENDPOINTS)).toEqual(NO_GAPS);
  });
});

describe('the contract check itself', () => {
  test('finds a new route without a contract entry', () => {
    // Prepare
    const withNewRoute = [...routes, { method: 'GET' as const, path: '/api/admin/new-thing' }];

    // Act
    const gaps = contractGaps(withNewRoute, contract, NON_JSON_ENDPOINTS);

    // Assess
    expect(gaps).toEqual({ ...NO_GAPS, routesInNeitherList: ['GET /api/admin/new-thing'] });
  });

  test('finds a contract entry whose route is gone, and an endpoint listed twice', () => {
    // Prepare
    const withoutDistricts = routes.filter((route) => keyOf(route) !== 'GET /api/districts');
    const nonJson = [...NON_JSON_ENDPOINTS, 'GET /api/me'];

    // Act
    const gaps = contractGaps(withoutDistricts, contract, nonJson);

    // Assess
    expect(gaps).toEqual({ ...NO_GAPS, contractEntriesWithoutRoute: ['GET /api/districts'], inBothLists: ['GET /api/me'] });
  });
});
