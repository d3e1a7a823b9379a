import { DistrictSchema, RoleSchema, TermIdSchema, type CatalogImportPreview, type Role } from '../../shared';
import { ApiError } from '../../functions/src/errors';
import type { CatalogImportService } from '../../functions/src/features/catalog/import/catalog-import-service';
import { userKeyFor } from '../../functions/src/features/identity/domain/pseudonym';
import type { CatalogRepository } from '../../functions/src/features/catalog/catalog-repository';
import { publishCatalog } from '../../functions/src/features/catalog/catalog-snapshots';
import { currentTerm } from '../../functions/src/features/catalog/current-term';
import type { DistrictWrites } from '../../functions/src/features/catalog/district-writes';
import {
  lookupCounty,
  NotACountyCodeError,
  type County,
  type DivisionDataset,
} from '../../functions/src/features/catalog/domain/divisions';
import type { UserRepository } from '../../functions/src/features/identity/user-repository';

export interface AdminDeps {
  users: UserRepository;
  catalog: CatalogRepository;
  districts: DistrictWrites;
  /** The GB/T 2260 dataset, loaded only by `district add`. */
  divisions: () => Promise<DivisionDataset>;
  /** `catalog import`: the service the API's import route calls, and the file it reads. */
  catalogImport: () => Pick<CatalogImportService, 'importBuffer'>;
  readFile: (path: string) => Buffer;
  pseudonymSecret: string;
  now: () => Date;
  print: (line: string) => void;
}

export const ADMIN_USAGE = `usage:
  npm run admin -- grant <openid> district_admin <districtId>
  npm run admin -- grant <openid> group_admin <groupId>
  npm run admin -- revoke <openid> <district_admin|group_admin> <scopeId>
  npm run admin -- list
  npm run admin -- district add <divisionCode> [<openid>]   (a county-level GB/T 2260 code, e.g. 370103)
  npm run admin -- catalog import <districtId> <file.xlsx|csv> --from-term 2026-1 [--apply]   (preview; --apply writes it)
  npm run admin -- catalog publish   (publishes the search snapshot again: after a deploy that changes its format)`;

/** The id of a district created from a division code: stable, and the same code gives the same id. */
export const districtIdFor = (divisionCode: string) => `cn-${divisionCode}`;

/** Resolves the scope of an admin role; null if the district or group does not exist. */
async function scopeOf(deps: AdminDeps, role: string, scopeId: string) {
  if (role === 'district_admin') {
    const district = await deps.catalog.getDistrict(scopeId);
    return district && { scopeType: 'district' as const, scopeName: `${district.city}${district.name}` };
  }
  // Only the group's name is used: the members of any term would do, the current one is read.
  const group = await deps.catalog.getGroupWithMembers(scopeId, currentTerm(deps));
  return group && { scopeType: 'group' as const, scopeName: group.group.name };
}

/**
 * Bootstraps admins. The openid is only hashed into the pseudonymous user id (as at login),
 * never stored or printed back; `list` shows pseudonyms.
 */
export async function runAdminCommand(args: string[], deps: AdminDeps): Promise<number> {
  const [command, openid, roleArg, scopeId] = args;
  if (command === 'district') return addDistrict(args.slice(1), deps);
  if (command === 'catalog') return importCatalog(args.slice(1), deps);
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
  return grantOrRevoke(deps, command, openid, role.data, scopeId);
}

/** The one path that grants or revokes an admin role, for `grant`/`revoke` and `district add`. */
async function grantOrRevoke(deps: AdminDeps, command: 'grant' | 'revoke', openid: string, role: Role, scopeId: string) {
  const userKey = userKeyFor(openid, deps.pseudonymSecret);
  const scope = await scopeOf(deps, role, scopeId);
  if (!scope) {
    deps.print(`unknown ${role === 'district_admin' ? 'district' : 'group'}: ${scopeId}`);
    return 1;
  }
  if (command === 'grant') {
    await deps.users.putGrant(userKey, {
      kind: 'grant',
      role,
      ...scope,
      scopeId,
      grantedAt: deps.now().toISOString(),
      grantedVia: 'cli',
    });
    deps.print(`granted ${role} for ${scope.scopeName} to user ${userKey.slice(0, 12)}…`);
    return 0;
  }
  const removed = await deps.users.deleteGrant(userKey, { role, scopeType: scope.scopeType, scopeId });
  deps.print(removed ? `revoked ${role} for ${scope.scopeName}` : 'no such grant');
  return removed ? 0 : 1;
}

/**
 * district add <code> [<openid>]: creates the district of a county-level division code with the
 * dataset's names, then (with an openid) grants it district_admin through the `grant` path.
 * A county that already has a district (by code, or by name for districts without one) is
 * refused, so 370103 cannot become a second 济南市市中区. The catalogue is then published, as
 * after every catalogue write, so the district is listed at once.
 */
async function addDistrict([subcommand, code, openid, ...rest]: string[], deps: AdminDeps): Promise<number> {
  if (subcommand !== 'add' || !code || rest.length > 0) {
    deps.print(ADMIN_USAGE);
    return 2;
  }
  let county: County | null;
  try {
    county = lookupCounty(code, await deps.divisions());
  } catch (error) {
    if (!(error instanceof NotACountyCodeError)) throw error;
    deps.print(error.message);
    return 1;
  }
  if (!county) {
    deps.print(`unknown division code: ${code} (not in the GB/T 2260 dataset)`);
    return 1;
  }
  const district = DistrictSchema.parse({
    id: districtIdFor(county.code),
    name: county.name,
    city: county.city,
    province: county.province,
    divisionCode: county.code,
  });
  const existing = (await deps.catalog.listDistricts()).find((d) =>
    d.divisionCode ? d.divisionCode === county.code : d.name === county.name && d.city === county.city && d.province === county.province,
  );
  if (existing || !(await deps.districts.putDistrict(district))) {
    deps.print(`district already exists for ${county.code} ${county.city}${county.name}: ${existing?.id ?? district.id}`);
    return 1;
  }
  deps.print(`created district ${district.id}: ${district.province} ${district.city} ${district.name} (${county.code})`);
  // GET /api/districts reads the published catalogue view, not the table: publish it again (AP71).
  const version = await publishCatalog(deps.catalog);
  deps.print(`published catalogue snapshot ${version.name}`);
  return openid ? grantOrRevoke(deps, 'grant', openid, 'district_admin', district.id) : 0;
}

/** How many issues and names of each kind are printed; the rest are counted. */
const PRINT_MAX = 20;

/**
 * catalog import <districtId> <file> --from-term <term> [--apply]: the API's import from a file
 * on disk (docs/catalogue.md "Import and export"). Prints the preview: every error (第 N 行「列」),
 * or what would change; with --apply and no errors, writes it with progress and publishes.
 */
async function importCatalog(args: string[], deps: AdminDeps): Promise<number> {
  const [subcommand, districtId, path] = args;
  if (subcommand === 'publish' && args.length === 1) return publishAgain(deps);
  const termAt = args.indexOf('--from-term');
  const term = TermIdSchema.safeParse(termAt > 0 ? args[termAt + 1] : undefined);
  const format = /\.xlsx$/i.test(path ?? '') ? 'xlsx' : /\.csv$/i.test(path ?? '') ? 'csv' : null;
  if (subcommand !== 'import' || !districtId || !format || !term.success) {
    deps.print(ADMIN_USAGE);
    return 2;
  }
  const apply = args.includes('--apply');
  let lastTenth = -1;
  const progress = (written: number, total: number) => {
    const tenth = Math.floor((written / total) * 10);
    if (tenth !== lastTenth) deps.print(`written ${written}/${total}`);
    lastTenth = tenth;
  };
  let preview: CatalogImportPreview;
  try {
    preview = await deps.catalogImport().importBuffer(districtId, format, deps.readFile(path), { fromTerm: term.data, apply }, progress);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    deps.print(`${error.code}: ${error.message}`);
    return 1;
  }
  printPreview(preview, deps.print);
  if (preview.errors.length > 0) return 1;
  deps.print(preview.applied ? 'applied; catalogue published' : 'preview only: run again with --apply to write it');
  return 0;
}

function printPreview({ rows, errors, changes }: CatalogImportPreview, print: (line: string) => void): void {
  print(`${rows} rows read`);
  const list = (label: string, items: string[]) => {
    print(`${label}: ${items.length}`);
    for (const item of items.slice(0, PRINT_MAX)) print(`  ${item}`);
    if (items.length > PRINT_MAX) print(`  … and ${items.length - PRINT_MAX} more`);
  };
  if (errors.length > 0) {
    list(
      'errors (nothing written)',
      errors.map((e) => `第 ${e.row} 行「${e.column}」：${e.message}`),
    );
    return;
  }
  list('groups added', changes.groupsAdded);
  list('groups changed', changes.groupsChanged);
  list('schools added', changes.schoolsAdded);
  list('schools changed', changes.schoolsChanged);
  list('memberships changed', changes.moves);
  print(`在校家庭数 set: ${changes.enrollmentsSet}`);
}

/**
 * catalog publish: the view built from the table, stored and made current (AP71), as after
 * every catalogue write. Run after a deploy that changes the snapshot format, so that no
 * container has to read every school first (the first one would otherwise do it, loadCatalog).
 */
async function publishAgain(deps: AdminDeps): Promise<number> {
  const version = await publishCatalog(deps.catalog);
  deps.print(`published catalogue snapshot ${version.name} (${version.schools} schools)`);
  return 0;
}
