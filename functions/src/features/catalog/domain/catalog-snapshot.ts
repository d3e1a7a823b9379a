import {
  StageSchema,
  type TermId,
  type District,
  type DistrictSummary,
  type GroupType,
  type MemberRole,
  type SchoolHit,
  type Stage,
  type Gcj02Point,
} from '../../../../../shared';
import { compareGroupRefs } from './ordering';
import { GeoCellIndex, type NearbyHit } from './nearby/geo-cells';
import type { LatLng } from './nearby/distance';
import type { GramColumns } from './search/gram-table';
import { SchoolSearchIndex, SEP, type IndexColumns } from './search/search-index';
import { ArrayTextColumn, BytesTextColumn, type TextBytes, type TextColumn } from './search/text-column';
import type { SearchKeys } from './search/search-document';

/**
 * Everything a container needs to answer school search and the district list without a table
 * read: every group and school (archived ones are left out of the view here) and every dated
 * membership period, so a view built in one term still answers right in the next.
 */
export interface CatalogContent {
  districts: District[];
  groups: Array<{ id: string; name: string; groupType: GroupType; districtId: string; archivedAt?: string }>;
  schools: Array<{
    id: string;
    name: string;
    districtId: string;
    stage: Stage;
    search: SearchKeys;
    location?: Gcj02Point;
    archivedAt?: string;
  }>;
  memberships: Array<{ groupId: string; groupName: string; schoolId: string; role: MemberRole; fromTerm?: TermId; untilTerm?: TermId }>;
}

const STAGES = StageSchema.options;
const ROLES: MemberRole[] = ['lead', 'member', 'alliance'];

type GroupRow = [id: string, name: string, type: GroupType];

/** The school columns beside the index, by the index's ordinals. */
interface SchoolColumns {
  /** '' where the name is its own first search form (most names): that one is not stored twice. */
  displayNames: TextColumn;
  stages: Uint8Array;
  /** School o's groups are groupEntries[groupOffsets[o], groupOffsets[o + 1]), each group << 2 | role. */
  groupOffsets: Int32Array;
  groupEntries: Int32Array;
  /** Entry i is in force from term code groupTerms[2i] up to, not including, groupTerms[2i + 1] (termCode). */
  groupTerms: Uint16Array;
  groups: GroupRow[];
}

/**
 * The catalogue as a container holds it: the search index, what a search hit shows, and the
 * district list with its counts. Built when the catalogue is written, published as a compact
 * snapshot (encode/decode below), loaded by each container instead of reading every school.
 */
export class CatalogView {
  private readonly districtIds: Set<string>;

  private constructor(
    readonly index: SchoolSearchIndex,
    private readonly schools: SchoolColumns,
    readonly districts: DistrictSummary[],
    /** The schools with coordinates by geohash cell: 附近的学校. */
    readonly geo: GeoCellIndex,
  ) {
    this.districtIds = new Set(districts.map((d) => d.id));
  }

  static build(all: CatalogContent): CatalogView {
    const content = publicContent(all);
    const index = SchoolSearchIndex.build(
      content.schools.map((s) => ({ id: s.id, districtId: s.districtId, displayName: s.name, ...s.search })),
    );
    const schoolById = new Map(content.schools.map((s) => [s.id, s]));
    const groupIndex = new Map(content.groups.map((g, i) => [g.id, i]));
    const groupsOf = new Map<string, CatalogContent['memberships']>();
    for (const m of content.memberships) groupsOf.set(m.schoolId, [...(groupsOf.get(m.schoolId) ?? []), m]);
    const size = index.size;
    const entries = content.memberships.filter((m) => groupIndex.has(m.groupId)).length;
    const displayNames: string[] = [];
    const columns: Omit<SchoolColumns, 'displayNames'> = {
      stages: new Uint8Array(size),
      groupOffsets: new Int32Array(size + 1),
      groupEntries: new Int32Array(entries),
      groupTerms: new Uint16Array(entries * 2),
      groups: content.groups.map((g) => [g.id, g.name, g.groupType]),
    };
    let at = 0;
    const points: Array<{ ordinal: number } & LatLng> = [];
    for (let o = 0; o < size; o++) {
      const school = schoolById.get(index.idAt(o))!;
      if (school.location) points.push({ ordinal: o, lat: school.location.lat, lng: school.location.lng });
      displayNames.push(school.name === school.search.names[0] ? '' : school.name);
      columns.stages[o] = STAGES.indexOf(school.stage);
      columns.groupOffsets[o] = at;
      const refs = (groupsOf.get(school.id) ?? [])
        .filter((m) => groupIndex.has(m.groupId))
        .map((m) => ({ m, name: m.groupName, role: m.role }))
        .sort(compareGroupRefs);
      for (const { m } of refs) {
        columns.groupTerms[2 * at] = m.fromTerm === undefined ? SINCE_EVER : termCode(m.fromTerm);
        columns.groupTerms[2 * at + 1] = m.untilTerm === undefined ? OPEN_ENDED : termCode(m.untilTerm);
        columns.groupEntries[at++] = (groupIndex.get(m.groupId)! << 2) | ROLES.indexOf(m.role);
      }
    }
    columns.groupOffsets[size] = at;
    const used = { groupEntries: columns.groupEntries.subarray(0, at), groupTerms: columns.groupTerms.subarray(0, 2 * at) };
    const schools = { ...columns, ...used, displayNames: new ArrayTextColumn(displayNames) };
    return new CatalogView(index, schools, districtSummaries(content), GeoCellIndex.build(points));
  }

  /** A search hit with the school's groups in force at `term`. */
  hit(ordinal: number, term: TermId): SchoolHit {
    const { displayNames, stages, groupOffsets, groupEntries, groupTerms, groups } = this.schools;
    const columns = this.index.toColumns();
    const text = columns.nameTexts.at(ordinal);
    const code = termCode(term);
    const refs = [];
    for (let i = groupOffsets[ordinal]; i < groupOffsets[ordinal + 1]; i++) {
      if (code < groupTerms[2 * i] || code >= groupTerms[2 * i + 1]) continue;
      const [id, name, type] = groups[groupEntries[i] >> 2];
      refs.push({ id, name, type, role: ROLES[groupEntries[i] & 3] });
    }
    return {
      id: columns.ids.at(ordinal),
      name: displayNames.at(ordinal) || text.slice(1, text.indexOf(SEP, 1)),
      districtId: columns.districtIds[columns.districtCodes[ordinal]],
      stage: STAGES[stages[ordinal]] as Stage,
      groups: refs,
    };
  }

  /** The `limit` nearest schools with coordinates, nearest first (GeoCellIndex.nearest). */
  nearby(centre: LatLng, limit: number): NearbyHit[] {
    return this.geo.nearest(centre, limit);
  }

  hasDistrict(districtId: string): boolean {
    return this.districtIds.has(districtId);
  }

  /** The snapshot as parts (pack below): compressed one by one, loaded as one buffer each. */
  encode(): Uint8Array[] {
    const c = this.index.toColumns();
    const s = this.schools;
    const g = this.geo.toColumns();
    const texts = {
      ids: c.ids,
      nameTexts: c.nameTexts,
      latinTexts: c.latinTexts,
      displayNames: s.displayNames,
      geoCells: new ArrayTextColumn(g.cells),
    };
    const arrays: Record<string, ArrayBufferView> = {
      lengths: c.lengths,
      districtCodes: c.districtCodes,
      stages: s.stages,
      groupOffsets: s.groupOffsets,
      groupEntries: s.groupEntries,
      groupTerms: s.groupTerms,
      geoBounds: g.bounds,
      geoOrdinals: g.ordinals,
      geoPoints: g.points,
    };
    for (const kind of GRAM_KINDS) for (const part of GRAM_PARTS) arrays[`${kind}.${part}`] = c[kind][part];
    const header = { format: SNAPSHOT_FORMAT, districts: this.districts, districtIds: c.districtIds, groups: s.groups };
    return pack(header, texts, arrays);
  }

  /**
   * null for a snapshot of another format (one published before a format change): read the table
   * instead. The view keeps the parts: its number columns are views on them, and its texts are
   * decoded from them school by school as searches reach them.
   */
  static decode(parts: Uint8Array[]): CatalogView | null {
    const { header, text, array } = unpack(parts);
    if (header.format !== SNAPSHOT_FORMAT) return null;
    const grams = (kind: (typeof GRAM_KINDS)[number]): GramColumns => ({
      keys: array(`${kind}.keys`, Float64Array),
      bounds: array(`${kind}.bounds`, Int32Array),
      postings: array(`${kind}.postings`, Uint8Array),
    });
    const columns: IndexColumns = {
      ids: text('ids'),
      lengths: array('lengths', Uint16Array),
      nameTexts: text('nameTexts'),
      latinTexts: text('latinTexts'),
      districtCodes: array('districtCodes', Uint16Array),
      districtIds: header.districtIds as string[],
      names: grams('names'),
      latin: grams('latin'),
      nameEnds: grams('nameEnds'),
      latinEnds: grams('latinEnds'),
    };
    const schools: SchoolColumns = {
      displayNames: text('displayNames'),
      stages: array('stages', Uint8Array),
      groupOffsets: array('groupOffsets', Int32Array),
      groupEntries: array('groupEntries', Int32Array),
      groupTerms: array('groupTerms', Uint16Array),
      groups: header.groups as GroupRow[],
    };
    const geo = GeoCellIndex.fromColumns({
      cells: textArray(text('geoCells')),
      bounds: array('geoBounds', Int32Array),
      ordinals: array('geoOrdinals', Int32Array),
      points: array('geoPoints', Int32Array),
    });
    return new CatalogView(SchoolSearchIndex.fromColumns(columns), schools, header.districts as DistrictSummary[], geo);
  }
}

/**
 * 2: memberships carry their term range (groupTerms). 3: the schools' geohash cells (geo*).
 * 4: text columns as Latin-1 or UTF-16 bytes with per-school lengths, decoded lazily (text-column.ts);
 * the sections in parts, compressed one by one (pack).
 */
export const SNAPSHOT_FORMAT = 4;

/** Terms as 16-bit codes that sort as the terms do: 2026-1 → 4052, 2026-2 → 4053. */
const termCode = (term: TermId) => Number(term.slice(0, 4)) * 2 + (term.endsWith('-2') ? 1 : 0);
const SINCE_EVER = 0;
const OPEN_ENDED = 0xffff;

/** What the public view holds: no archived group or school, nor a membership of one. */
function publicContent(content: CatalogContent): CatalogContent {
  const groups = content.groups.filter((g) => g.archivedAt === undefined);
  const schools = content.schools.filter((s) => s.archivedAt === undefined);
  const groupIds = new Set(groups.map((g) => g.id));
  const schoolIds = new Set(schools.map((s) => s.id));
  const memberships = content.memberships.filter((m) => groupIds.has(m.groupId) && schoolIds.has(m.schoolId));
  return { ...content, groups, schools, memberships };
}

const GRAM_KINDS = ['names', 'latin', 'nameEnds', 'latinEnds'] as const;
const GRAM_PARTS = ['keys', 'bounds', 'postings'] as const;

/** Districts by Chinese name with their group and school counts, counted from what was read. */
function districtSummaries({ districts, groups, schools }: CatalogContent): DistrictSummary[] {
  const count = (items: Array<{ districtId: string }>) => {
    const counts = new Map<string, number>();
    for (const { districtId } of items) counts.set(districtId, (counts.get(districtId) ?? 0) + 1);
    return counts;
  };
  const groupCounts = count(groups);
  const schoolCounts = count(schools);
  return districts
    .map(({ id, name, city, province, reported }) => ({
      id,
      name,
      city,
      province,
      groupCount: groupCounts.get(id) ?? 0,
      schoolCount: schoolCounts.get(id) ?? 0,
      ...(reported ? { reported } : {}),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * Sections are gathered into parts of up to this size; a larger section (each text column at
 * 200,000 schools: 24 and 29 MB) is a part of its own. At 200,000 schools on 2 busy cores (load
 * average 5; median of 9, two rounds) parts of 4 MB inflated in 88–121 ms, 2 MB 140–147, 8 MB
 * 145–175, 16 MB 155–231, and the whole as one part in 176–220 ms.
 */
const PART_BYTES = 4 << 20;

/** Where a section is: [part, byte offset in it, byte length]. */
type Section = [number, number, number];

/**
 * Part 0 is the header JSON (with where every section is); the others hold whole sections, each
 * 8-byte aligned in its part. A text column is two sections, its bytes and its lengths
 * (TextBytes); number columns are their raw little-endian bytes. Loading is then a view per
 * section (typed arrays on the loaded parts, no copy) and a sum of lengths per text column,
 * rather than a parse of every value; and as no section spans two parts, each part can be
 * compressed and loaded on its own, in parallel, straight into the buffer it is read from.
 */
function pack(header: Record<string, unknown>, texts: Record<string, TextColumn>, arrays: Record<string, ArrayBufferView>): Uint8Array[] {
  const sectionsOf: Array<[string, ArrayBufferView]> = [];
  const encodings: Record<string, TextBytes['encoding']> = {};
  for (const [name, column] of Object.entries(texts)) {
    const { encoding, bytes, lengths } = column.toBytes();
    encodings[name] = encoding;
    sectionsOf.push([name, bytes], [`${name}.lengths`, lengths]);
  }
  sectionsOf.push(...Object.entries(arrays));
  const sections: Record<string, Section> = {};
  const sizes: number[] = [];
  for (const [name, view] of sectionsOf) {
    const open = sizes[sizes.length - 1];
    if (open === undefined || (open > 0 && open + view.byteLength > PART_BYTES)) sizes.push(0);
    // parts[0] is the header, so section part p is sizes[p - 1] long.
    const part = sizes.length;
    const offset = sizes[part - 1];
    sections[name] = [part, offset, view.byteLength];
    sizes[part - 1] = offset + Math.ceil(view.byteLength / 8) * 8;
  }
  const parts = [
    new TextEncoder().encode(JSON.stringify({ ...header, texts: encodings, sections })),
    ...sizes.map((n) => new Uint8Array(n)),
  ];
  for (const [name, view] of sectionsOf) {
    const [part, offset] = sections[name];
    parts[part].set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength), offset);
  }
  return parts;
}

type TypedArrayClass<T> = { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number };

function unpack(loaded: Uint8Array[]) {
  // Typed arrays need their element alignment: sections are 8-aligned in their part, so the part must be too.
  const parts = loaded.map((part) => (part.byteOffset % 8 === 0 ? part : new Uint8Array(part)));
  const header = JSON.parse(new TextDecoder().decode(parts[0])) as Record<string, unknown> & {
    texts?: Record<string, TextBytes['encoding']>;
    sections: Record<string, Section>;
  };
  const section = (name: string) => {
    const found = header.sections[name];
    if (!found || !parts[found[0]]) throw new Error(`catalogue snapshot: no section ${name}`);
    const [part, offset, length] = found;
    return parts[part].subarray(offset, offset + length);
  };
  const array = <T>(name: string, Type: TypedArrayClass<T>): T => {
    const raw = section(name);
    return new Type(raw.buffer as ArrayBuffer, raw.byteOffset, raw.byteLength / Type.BYTES_PER_ELEMENT);
  };
  return {
    header,
    array,
    text(name: string): TextColumn {
      const encoding = header.texts?.[name];
      if (!encoding) throw new Error(`catalogue snapshot: no text column ${name}`);
      return new BytesTextColumn({ encoding, bytes: section(name), lengths: array(`${name}.lengths`, Uint32Array) });
    },
  };
}

/** A small column a structure needs whole (the geohash cells, for their map). */
const textArray = (column: TextColumn) => Array.from({ length: column.size }, (_, i) => column.at(i));
