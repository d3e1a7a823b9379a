import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The adapters stay thin and independent: each only translates its runtime's event. */
const ADAPTERS = join(__dirname, '..', '..', '..', 'src', 'adapters');
const files = readdirSync(ADAPTERS).filter((f) => f.endsWith('.ts'));
const source = (file: string) => readFileSync(join(ADAPTERS, file), 'utf8');

describe('adapters', () => {
  it('are the three runtimes', () => {
    expect(files.sort()).toEqual(['cloud.ts', 'lambda.ts', 'node-server.ts']);
  });

  it.each(files)('%s is under 80 lines', (file) => {
    expect(source(file).split('\n').length).toBeLessThan(80);
  });

  it.each(files)('%s imports no other adapter', (file) => {
    const imports = [...source(file).matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((path) => path.startsWith('./') || path.includes('/adapters/'))).toEqual([]);
  });

  it("no adapter loads wx-server-sdk (WeChat's context is read without it), and only the Lambda adapter hono/aws-lambda", () => {
    expect(files.filter((f) => source(f).includes("'wx-server-sdk'"))).toEqual([]);
    expect(source('cloud.ts')).toContain("from '../wechat/wx-context'");
    expect(files.filter((f) => source(f).includes("'hono/aws-lambda'"))).toEqual(['lambda.ts']);
  });
});
