import type { SchoolGroupRef, SchoolHit, SchoolSearchQuery, SchoolSearchResult } from '../../../../shared';
import { decodeCursor, encodeCursor } from './domain/search/cursor';
import { SchoolSearchIndex } from './domain/search/search-index';
import { buildSearchDocument, localityPrefixes } from './domain/search/search-document';
import type { MembershipItem } from './catalog-items';
import type { CatalogRepository } from './catalog-repository';
import { compareGroupRefs } from './domain/ordering';

interface Snapshot {
  index: SchoolSearchIndex;
  hits: SchoolHit[];
  districtIds: Set<string>;
  loadedAt: number;
}

/**
 * School search. Substring, pinyin and initials matching cannot be expressed as DynamoDB key
 * conditions, so a warm container keeps an index of every school (AP1, AP7, AP8 per district)
 * and rebuilds it after `ttlMs`. A district's schools number in the hundreds, all districts a
 * few tens of thousands at most; npm run bench measures 200,000.
 */
export class SchoolDirectory {
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async search(query: SchoolSearchQuery): Promise<SchoolSearchResult | 'unknown-district'> {
    const snapshot = await this.current();
    if (query.district !== undefined && !snapshot.districtIds.has(query.district)) return 'unknown-district';
    const page = snapshot.index.search({
      query: query.q,
      districtId: query.district,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
    });
    return {
      items: page.hits.map((doc) => snapshot.hits[doc.ordinal]),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    };
  }

  private async current(): Promise<Snapshot> {
    if (this.snapshot && this.now() - this.snapshot.loadedAt < this.ttlMs) return this.snapshot;
    // One load at a time per container, however many requests arrive while it runs.
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    this.snapshot = await this.loading;
    return this.snapshot;
  }

  private async load(): Promise<Snapshot> {
    const districts = await this.catalog.listDistricts();
    const perDistrict = await Promise.all(
      districts.map(async (d) => {
        const [schools, memberships] = await Promise.all([
          this.catalog.listSchoolsOfDistrict(d.id),
          this.catalog.listMembershipsOfDistrict(d.id),
        ]);
        return { schools, memberships };
      }),
    );
    const groupsBySchool = new Map<string, SchoolGroupRef[]>();
    for (const m of perDistrict.flatMap((d) => d.memberships)) {
      const refs = groupsBySchool.get(m.schoolId) ?? [];
      refs.push(toGroupRef(m));
      groupsBySchool.set(m.schoolId, refs);
    }
    const schools = perDistrict.flatMap((d) => d.schools).sort((a, b) => (a.id < b.id ? -1 : 1));
    const prefixes = localityPrefixes(districts);
    const hits = schools.map((s) => ({
      id: s.id,
      name: s.name,
      districtId: s.districtId,
      stage: s.stage,
      groups: (groupsBySchool.get(s.id) ?? []).sort(compareGroupRefs),
    }));
    const docs = schools.map((s, ordinal) => buildSearchDocument(s, ordinal, prefixes));
    return { index: new SchoolSearchIndex(docs), hits, districtIds: new Set(districts.map((d) => d.id)), loadedAt: this.now() };
  }
}

export function toGroupRef(m: MembershipItem): SchoolGroupRef {
  return { id: m.groupId, name: m.groupName, type: m.groupType, role: m.role };
}
