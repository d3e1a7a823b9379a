import type {
  DistrictSummary,
  NearbyQuery,
  NearbySchools,
  SchoolGroupRef,
  SchoolSearchQuery,
  SchoolSearchResult,
} from '../../../../shared';
import { decodeCursor, encodeCursor } from './domain/search/cursor';
import type { MembershipItem } from './catalog-items';
import type { CatalogRepository } from './catalog-repository';
import { loadCatalog, publishedBy, type LoadedCatalog } from './catalog-snapshots';
import { termOf } from '../../../../shared';

/** The query normaliser pulls in opencc's tables: loaded by the first search, not at start-up. */
let normalizer: Promise<(text: string) => string> | null = null;
const normalize = () => (normalizer ??= import('./domain/search/normalize').then((m) => m.normalizeText));

/**
 * School search and the district list. Substring, pinyin and initials matching cannot be
 * expressed as DynamoDB key conditions, so a container holds the whole catalogue's view: loaded
 * from the current snapshot (AP70 and one object), never by reading every school, except on a
 * table no snapshot was published for. Every `ttlMs` it checks the version (one GetItem) and
 * loads a new snapshot only if there is one. What this container published itself it uses at
 * once. npm run bench measures it at 200,000 schools.
 */
export class SchoolDirectory {
  private loaded: (LoadedCatalog & { checkedAt: number }) | null = null;
  private loading: Promise<LoadedCatalog> | null = null;

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async search(query: SchoolSearchQuery): Promise<SchoolSearchResult | 'unknown-district'> {
    const [{ view }, normalizeText] = await Promise.all([this.current(), normalize()]);
    if (query.district !== undefined && !view.hasDistrict(query.district)) return 'unknown-district';
    const page = view.index.search({
      query: query.q === undefined ? undefined : normalizeText(query.q),
      districtId: query.district,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    // The view holds every membership period: a hit shows this term's groups, however old the view.
    const term = termOf(this.now());
    return { items: page.hits.map((hit) => view.hit(hit.ordinal, term)), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  /**
   * The schools nearest to a point, from the view's geohash cells (GeoCellIndex): the cells
   * around the point, widened until `limit` schools are certain, never a scan of every school.
   */
  async nearby(query: NearbyQuery): Promise<NearbySchools> {
    const { view } = await this.current();
    const term = termOf(this.now());
    return {
      items: view.nearby({ lat: query.lat, lng: query.lng }, query.limit).map((hit) => ({
        ...view.hit(hit.ordinal, term),
        distance: hit.distance,
      })),
    };
  }

  /** Every district with its group and school counts, as of the loaded view. */
  async districts(): Promise<DistrictSummary[]> {
    return (await this.current()).view.districts;
  }

  /** The view, and the version it came from (null: read from the table). */
  async current(): Promise<LoadedCatalog> {
    const mine = publishedBy(this.catalog);
    if (mine && (!this.loaded?.version || mine.version!.publishedAt > this.loaded.version.publishedAt)) {
      this.loaded = { ...mine, checkedAt: this.now() };
    }
    if (this.loaded && this.now() - this.loaded.checkedAt < this.ttlMs) return this.loaded;
    // One load at a time per container, however many requests arrive while it runs.
    this.loading ??= loadCatalog(this.catalog, this.loaded ?? undefined).finally(() => {
      this.loading = null;
    });
    const loaded = await this.loading;
    this.loaded = { ...loaded, checkedAt: this.now() };
    return this.loaded;
  }
}

export function toGroupRef(m: MembershipItem): SchoolGroupRef {
  return { id: m.groupId, name: m.groupName, type: m.groupType, role: m.role };
}
