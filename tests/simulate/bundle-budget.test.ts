import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * WeChat refuses a main package (or a subpackage) over 2 MB, and every KB of the main package
 * is download time on first open, so the production weapp build is held to budgets: the main
 * package (everything outside the subpackage roots) and each subpackage separately. The schema
 * library (zod) stays on the server: the app imports only types and labels from shared/.
 */
const DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist');
const MAIN_PACKAGE_BUDGET = 500 * 1024;
const SUBPACKAGE_BUDGET = 200 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

const bytes = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0);

describe('the weapp production build', () => {
  const files = filesUnder(DIST);
  const appJson = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages: Array<{ root: string; pages: string[] }>;
  };
  const roots = appJson.subPackages.map((p) => p.root);
  const rootOf = (file: string) => roots.find((root) => path.relative(DIST, file).startsWith(`${root}/`));

  test('keeps its main package under 500 KB', () => {
    // Prepare + Act
    const main = bytes(files.filter((file) => !rootOf(file)));

    // Assess
    expect(main).toBeGreaterThan(0);
    expect(main).toBeLessThan(MAIN_PACKAGE_BUDGET);
  });

  test('keeps each subpackage under 200 KB', () => {
    // Prepare + Act
    const sizes = Object.fromEntries(roots.map((root) => [root, bytes(files.filter((file) => rootOf(file) === root))]));

    // Assess
    for (const [root, size] of Object.entries(sizes)) {
      expect({ root, ok: size > 0 && size < SUBPACKAGE_BUDGET }).toEqual({ root, ok: true });
    }
  });

  test('puts identity, admin and survey pages in subpackages, not in the main package', () => {
    expect(appJson.pages).toEqual(['pages/home/index', 'pages/school/index', 'pages/group/index']);
    expect(roots).toEqual(expect.arrayContaining(['packages/me', 'packages/admin', 'packages/survey']));
  });

  test('carries no zod code', () => {
    // Prepare + Act
    const withZod = files.filter((file) => file.endsWith('.js') && /ZodError|\$ZodType/.test(readFileSync(file, 'utf8')));

    // Assess
    expect(withZod).toEqual([]);
  });
});
