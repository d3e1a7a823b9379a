import { randomBytes } from 'node:crypto';
import { compressChunks, decompressChunks } from '../../storage/snapshot-chunks';
import type { CatalogRepository, SnapshotVersion } from './catalog-repository';
import type { DistrictItem, GroupItem, MembershipItem, SchoolItem } from './catalog-items';
import { CatalogView, SNAPSHOT_FORMAT } from './domain/catalog-snapshot';
import type { SearchKeys } from './domain/search/search-document';

/** The catalogue's items as read from the table: what a view is built from (CatalogContent). */
export interface CatalogItems {
  districts: DistrictItem[];
  groups: GroupItem[];
  schools: Array<SchoolItem & { search: SearchKeys }>;
  memberships: MembershipItem[];
}

/**
 * Today's full read of the catalogue: AP1, then AP3, AP7 and every membership period (AP8
 * without a term) per district; archived items too (the view leaves them out, CatalogView.build). Only a publisher
 * does this (and a container on a table no snapshot was ever published for). Schools written
 * before search keys were stored get them computed here.
 */
export async function readCatalogContent(catalog: CatalogRepository): Promise<CatalogItems> {
  const districts = await catalog.listDistricts();
  const perDistrict = await Promise.all(
    districts.map(async (d) => {
      const [groups, schools, memberships] = await Promise.all([
        catalog.listGroupsOfDistrict(d.id),
        catalog.listSchoolsOfDistrict(d.id),
        catalog.allPeriodsOfDistrict(d.id),
      ]);
      return { district: d, groups, schools, memberships };
    }),
  );
  const schools: Array<SchoolItem & { search: SearchKeys }> = [];
  for (const { district, schools: items } of perDistrict) {
    const missing = items.filter((s) => !s.search);
    // pinyin-pro and opencc are loaded only when a school really lacks its keys.
    const { searchKeys } = missing.length > 0 ? await import('./domain/search/search-document') : { searchKeys: null };
    for (const school of items) schools.push({ ...school, search: school.search ?? searchKeys!(school, district) });
  }
  return {
    districts,
    groups: perDistrict.flatMap((d) => d.groups),
    schools,
    memberships: perDistrict.flatMap((d) => d.memberships),
  };
}

/**
 * After a catalogue write: builds the view from the table, stores it as a new snapshot object,
 * then makes that version current (AP71). The writing container adopts it at once; the others
 * see the new version at their next check (SEARCH_CACHE_TTL_SECONDS).
 */
export async function publishCatalog(catalog: CatalogRepository, now: () => number = Date.now): Promise<SnapshotVersion> {
  return publishView(catalog, CatalogView.build(await readCatalogContent(catalog)), now);
}

/** Stores a built view as a new snapshot object and makes it current (AP71) if no later one is. */
async function publishView(catalog: CatalogRepository, view: CatalogView, now: () => number): Promise<SnapshotVersion> {
  const publishedAt = now();
  const version: SnapshotVersion = {
    // The format in the name: objects of different formats are told apart in a listing too.
    name: `catalog-${publishedAt}-${randomBytes(4).toString('hex')}.v${SNAPSHOT_FORMAT}.bin`,
    publishedAt,
    schools: view.index.size,
  };
  await catalog.snapshots.write(version.name, await snapshotObject(view));
  if (await catalog.putSnapshotVersion(version)) publishedHere.set(catalog, { version, view });
  return version;
}

/** What this container last published for a repository: adopted without waiting for the TTL. */
const publishedHere = new WeakMap<CatalogRepository, LoadedCatalog>();

export interface LoadedCatalog {
  /** null when the view was built from a full read because no snapshot exists. */
  version: SnapshotVersion | null;
  view: CatalogView;
}

export function publishedBy(catalog: CatalogRepository): LoadedCatalog | undefined {
  return publishedHere.get(catalog);
}

/** What a snapshot object holds: the view's bytes, compressed in chunks (storage/snapshot-chunks.ts). */
export function snapshotObject(view: CatalogView): Promise<Uint8Array> {
  return compressChunks(view.encode(), SNAPSHOT_FORMAT);
}

/** The view in a snapshot object; null for an object of another format (a .bin.gz of FORMAT 3 or before). */
export async function viewOfSnapshot(object: Uint8Array): Promise<CatalogView | null> {
  const parts = await decompressChunks(object, SNAPSHOT_FORMAT);
  return parts && CatalogView.decode(parts);
}

/** Loads a version's snapshot; null if its object is missing or of another format (then the caller reads the table). */
export async function loadSnapshot(catalog: CatalogRepository, version: SnapshotVersion): Promise<CatalogView | null> {
  const bytes = await catalog.snapshots.read(version.name);
  return bytes && viewOfSnapshot(bytes);
}

/**
 * The current catalogue: its snapshot, or a full read on a table that has none. A current
 * version whose object this code cannot use (one of an older format, as after a deploy that
 * changes the format, or an object gone missing) is read from the table once and published
 * again in this format, so the containers after this one load a snapshot instead of each
 * reading every school (35 s at 200,000 schools, docs/performance.md).
 */
export async function loadCatalog(catalog: CatalogRepository, known?: LoadedCatalog, now: () => number = Date.now): Promise<LoadedCatalog> {
  const version = await catalog.getSnapshotVersion();
  if (version && known?.version?.name === version.name) return known;
  const view = version && (await loadSnapshot(catalog, version));
  if (version && view) return { version, view };
  const built = CatalogView.build(await readCatalogContent(catalog));
  if (!version) return { version: null, view: built };
  return { version: await publishView(catalog, built, now), view: built };
}
