import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * WeChat refuses a main package over 2 MB, and every KB is download time on first open, so
 * the production weapp build is held to a budget, and to the rule that the schema library
 * (zod) stays on the server: the app imports only types and labels from shared/.
 */
const DIST = path.resolve(__dirname, '..', '..', 'miniprogram', 'dist');
const MAIN_PACKAGE_BUDGET = 500 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe('the weapp production build', () => {
  const files = filesUnder(DIST);

  test('keeps its main package under 500 KB', () => {
    // Prepare + Act
    const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);

    // Assess
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(MAIN_PACKAGE_BUDGET);
  });

  test('carries no zod code', () => {
    // Prepare + Act
    const withZod = files.filter((file) => file.endsWith('.js') && /ZodError|\$ZodType/.test(readFileSync(file, 'utf8')));

    // Assess
    expect(withZod).toEqual([]);
  });
});
