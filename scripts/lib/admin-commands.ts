import { RoleSchema } from '../../shared';
import { userKeyFor } from '../../functions/src/features/identity/domain/pseudonym';
import type { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import type { UserRepository } from '../../functions/src/features/identity/user-repository';

export interface AdminDeps {
  users: UserRepository;
  catalog: CatalogRepository;
  pseudonymSecret: string;
  now: () => Date;
  print: (line: string) => void;
}

export const ADMIN_USAGE = `usage:
  npm run admin -- grant <openid> district_admin <districtId>
  npm run admin -- grant <openid> group_admin <groupId>
  npm run admin -- revoke <openid> <district_admin|group_admin> <scopeId>
  npm run admin -- list`;

/** Resolves the scope of an admin role; null if the district or group does not exist. */
async function scopeOf(deps: AdminDeps, role: string, scopeId: string) {
  if (role === 'district_admin') {
    const district = await deps.catalog.getDistrict(scopeId);
    return district && { scopeType: 'district' as const, scopeName: `${district.city}${district.name}` };
  }
  const group = await deps.catalog.getGroupWithMembers(scopeId);
  return group && { scopeType: 'group' as const, scopeName: group.group.name };
}

/**
 * Bootstraps admins. The openid is only hashed into the pseudonymous user id (as at login),
 * never stored or printed back; `list` shows pseudonyms.
 */
export async function runAdminCommand(args: string[], deps: AdminDeps): Promise<number> {
  const [command, openid, roleArg, scopeId] = args;
  if (command === 'list') {
    const grants = await deps.users.listAllGrants();
    if (grants.length === 0) deps.print('no grants');
    for (const g of grants.sort((a, b) => a.role.localeCompare(b.role) || a.scopeId.localeCompare(b.scopeId))) {
      deps.print(
        `${g.role.padEnd(15)} ${g.scopeType}:${g.scopeId} (${g.scopeName})  user ${g.userKey.slice(0, 12)}…  ${g.grantedAt} via ${g.grantedVia}`,
      );
    }
    return 0;
  }
  const role = RoleSchema.safeParse(roleArg);
  if (
    (command !== 'grant' && command !== 'revoke') ||
    !openid ||
    !scopeId ||
    !role.success ||
    !['district_admin', 'group_admin'].includes(role.data)
  ) {
    deps.print(ADMIN_USAGE);
    return 2;
  }
  const userKey = userKeyFor(openid, deps.pseudonymSecret);
  const scope = await scopeOf(deps, role.data, scopeId);
  if (!scope) {
    deps.print(`unknown ${role.data === 'district_admin' ? 'district' : 'group'}: ${scopeId}`);
    return 1;
  }
  if (command === 'grant') {
    await deps.users.putGrant(userKey, {
      kind: 'grant',
      role: role.data,
      ...scope,
      scopeId,
      grantedAt: deps.now().toISOString(),
      grantedVia: 'cli',
    });
    deps.print(`granted ${role.data} for ${scope.scopeName} to user ${userKey.slice(0, 12)}…`);
    return 0;
  }
  const removed = await deps.users.deleteGrant(userKey, { role: role.data, scopeType: scope.scopeType, scopeId });
  deps.print(removed ? `revoked ${role.data} for ${scope.scopeName}` : 'no such grant');
  return removed ? 0 : 1;
}
