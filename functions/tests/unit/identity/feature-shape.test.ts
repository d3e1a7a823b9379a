import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeclared } from '../../../src/http/route';
import { authRoutes, devLoginRoute } from '../../../src/features/identity/routes/auth';
import { meRoutes } from '../../../src/features/identity/routes/me';
import { adminRoutes } from '../../../src/features/identity/routes/staff';

/**
 * Identity in the one feature shape (issue 13): routes declared with route() that reach only
 * services; services and domain code that reach no HTTP; the request pipeline (http/identify)
 * reaching no repository for who is calling.
 */
const SRC = join(__dirname, '..', '..', '..', 'src');
const FEATURE = join(SRC, 'features', 'identity');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
const importsOf = (source: string) => [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);

interface Rule {
  name: string;
  breaks: (source: string) => boolean;
}
const importing = (name: string, pattern: RegExp): Rule => ({ name, breaks: (s) => importsOf(s).some((path) => pattern.test(path)) });
const containing = (name: string, text: string): Rule => ({ name, breaks: (s) => s.includes(text) });

/** Handlers call one service: no repository, no infrastructure, no transitional helper. */
const ROUTE_RULES: Rule[] = [
  importing('imports a repository or stored items', /-(repository|items)$/),
  importing('imports a transitional helper', /http\/(request-once|path-targets|route-spec|validate)$/),
  containing("reads c.get('infra')", "c.get('infra')"),
  containing("reads c.get('services')", "c.get('services')"),
  containing('reads a path parameter by hand', 'c.req.param'),
  containing('parses by hand', 'parseOr('),
];
/** Services and domain code know nothing of HTTP. */
const SERVICE_RULES: Rule[] = [importing('imports from http/', /(^|\/)http\//)];
const DOMAIN_RULES: Rule[] = [importing('imports db, a repository, http or storage', /(\/db\/|-repository$|(^|\/)http\/|\/storage\/)/)];
/** Who is calling is the session service's to say. */
const IDENTIFY_RULES: Rule[] = [
  containing("reads c.get('infra')", "c.get('infra')"),
  importing('imports identity internals', /features\/identity\/(?!request-user$)/),
];

function violations(files: string[], rules: Rule[]): string[] {
  return files.flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    return rules.filter((rule) => rule.breaks(source)).map((rule) => `${relative(SRC, file)} ${rule.name}`);
  });
}

const routeFiles = filesUnder(join(FEATURE, 'routes'));
const domainFiles = filesUnder(join(FEATURE, 'domain'));
const serviceFiles = filesUnder(FEATURE).filter((file) => !routeFiles.includes(file));

describe('the identity feature', () => {
  it('declares every route with route()', () => {
    const routes: Array<{ method: string; path: string }> = [...authRoutes, devLoginRoute, ...meRoutes, ...adminRoutes];
    expect(routes.filter((spec) => !isDeclared(spec)).map((spec) => `${spec.method} ${spec.path}`)).toEqual([]);
    expect(routes.map((spec) => `${spec.method} ${spec.path}`).sort()).toEqual([
      'DELETE /api/admin/invites/:id',
      'DELETE /api/me',
      'DELETE /api/me/schools/:schoolId',
      'GET /api/admin/schools/:id/teachers',
      'GET /api/me',
      'POST /api/admin/invites',
      'POST /api/admin/teachers',
      'POST /api/auth/dev',
      'POST /api/auth/logout',
      'POST /api/auth/wechat',
      'POST /api/me/invite',
      'POST /api/me/schools',
    ]);
  });

  it('has routes that reach only services', () => {
    expect(routeFiles.length).toBe(3);
    expect(violations(routeFiles, ROUTE_RULES)).toEqual([]);
  });

  it('has services and domain code that import nothing from http/', () => {
    expect(violations(serviceFiles, SERVICE_RULES)).toEqual([]);
    expect(violations(domainFiles, DOMAIN_RULES)).toEqual([]);
  });

  it('is what http/identify asks who is calling', () => {
    expect(violations([join(SRC, 'http', 'identify.ts')], IDENTIFY_RULES)).toEqual([]);
  });
});

describe('the shape rules', () => {
  // Each rule must catch a hand-made offender, or the checks above could never fail.
  const offender = (source: string, rules: Rule[]) => rules.filter((rule) => rule.breaks(source)).map((rule) => rule.name);

  it('catch a handler that goes around its services', () => {
    const source = [
      "import { UserRepository } from '../user-repository';",
      "import { bodyOnce } from '../../../http/request-once';",
      "handler: async (c) => c.json(await new MeService(c.get('infra')).me(c.req.param('id'), parseOr(S, x)), c.get('services')),",
    ].join('\n');
    expect(offender(source, ROUTE_RULES)).toEqual(ROUTE_RULES.map((rule) => rule.name));
  });

  it('catch a service or domain file that imports HTTP, and an identify that reads the table', () => {
    expect(offender("import type { AppEnv } from '../../http/app-env';", SERVICE_RULES)).toHaveLength(1);
    expect(offender("import { keys } from '../../../db/keys';", DOMAIN_RULES)).toHaveLength(1);
    const identify = "import { userKeyFor } from '../features/identity/domain/pseudonym';\nconst { users } = c.get('infra');";
    expect(offender(identify, IDENTIFY_RULES)).toEqual(IDENTIFY_RULES.map((rule) => rule.name));
    expect(offender("import type { RequestUser } from '../features/identity/request-user';", IDENTIFY_RULES)).toEqual([]);
  });
});
