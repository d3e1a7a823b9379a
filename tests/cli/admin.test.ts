import { userKeyFor } from '../../functions/src/features/identity/domain/pseudonym';
import { UserRepository } from '../../functions/src/features/identity/user-repository';
import { runAdminCommand } from '../../scripts/lib/admin-commands';
import { createSeededTable, type TestTable } from '../support/dynamo';

/** npm run admin -- grant|revoke|list: bootstrapping the first district admin. */
describe('admin CLI', () => {
  let table: TestTable;
  let users: UserRepository;
  const printed: string[] = [];
  const SECRET = 'cli-test-pseudonym-secret-0123456789abcdef';
  const run = (...args: string[]) =>
    runAdminCommand(args, {
      users,
      catalog: table.catalog,
      pseudonymSecret: SECRET,
      now: () => new Date('2026-11-23T08:00:00Z'),
      print: (l) => printed.push(l),
    });

  beforeAll(async () => {
    table = await createSeededTable('cli');
    users = new UserRepository(table.db, table.tableName);
  });
  afterAll(() => table.drop());
  beforeEach(() => {
    printed.length = 0;
  });

  it('grants a district admin to the pseudonym of an openid, and never prints the openid', async () => {
    // Act
    const code = await run('grant', 'oFirstAdmin000000000000001', 'district_admin', 'jinan-shizhong');
    await run('list');
    // Assess
    expect(code).toBe(0);
    const items = await users.listItems(userKeyFor('oFirstAdmin000000000000001', SECRET));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'grant',
        role: 'district_admin',
        scopeId: 'jinan-shizhong',
        scopeName: '济南市市中区',
        grantedVia: 'cli',
      }),
    ]);
    expect(printed.join('\n')).toContain('district_admin  district:jinan-shizhong (济南市市中区)');
    expect(printed.join('\n')).not.toContain('oFirstAdmin');
  });

  it('revokes a grant, and says when there was none', async () => {
    await run('grant', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu');
    expect(await run('revoke', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu')).toBe(0);
    expect(await run('revoke', 'oGroupAdmin000000000000001', 'group_admin', 'jn-jingwu')).toBe(1);
    expect(printed).toContain('no such grant');
  });

  it('refuses unknown scopes, roles it does not grant, and bad usage', async () => {
    expect(await run('grant', 'o1', 'district_admin', 'atlantis')).toBe(1);
    expect(await run('grant', 'o1', 'teacher', 'jn-jingbalu-ps')).toBe(2);
    expect(await run('frobnicate')).toBe(2);
    expect(printed.join('\n')).toContain('usage:');
  });
});
