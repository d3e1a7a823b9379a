import ngeohash from 'ngeohash';
import { haversineMetres, METRES_PER_DEGREE, type LatLng } from './distance';

/**
 * Geohash precision of a cell: 5 characters, about 4.9 km × 4.9 km at the equator (3.9 km wide
 * at Jinan's 36.7° N), so a city block of 3 × 3 cells holds a parent's neighbourhood.
 */
export const CELL_PRECISION = 5;
/** No school farther than this is 附近: the search widens up to it and no further. */
export const NEARBY_RADIUS_MAX_M = 30_000;

/** Coordinates are kept as integer micro-degrees (0.11 m): 8 bytes a school in the snapshot. */
const MICRO = 1_000_000;

/**
 * The spatial key of the catalogue view (docs/data-model.md, "Nearby schools"): the schools that
 * have coordinates, grouped by geohash-5 cell. `cells` is sorted; cell i's entries are
 * [bounds[i], bounds[i + 1]) of `ordinals` (the search index's ordinal of each school) and of
 * `points` (its lat and lng in micro-degrees, interleaved). Archived schools and schools without
 * coordinates are not in it.
 */
export interface GeoColumns {
  cells: string[];
  bounds: Int32Array;
  ordinals: Int32Array;
  points: Int32Array;
}

export interface NearbyHit {
  ordinal: number;
  /** Metres from the centre, rounded. */
  distance: number;
}

interface Candidate {
  ordinal: number;
  metres: number;
}

const byDistance = (a: Candidate, b: Candidate) => a.metres - b.metres || a.ordinal - b.ordinal;
const toHits = (list: Candidate[], limit: number): NearbyHit[] =>
  list
    .sort(byDistance)
    .slice(0, limit)
    .map((c) => ({ ordinal: c.ordinal, distance: Math.round(c.metres) }));

/** The cell offsets on the square ring `ring` cells out from the centre cell. */
function ringOffsets(ring: number): Array<[number, number]> {
  const offsets: Array<[number, number]> = [];
  for (let d = -ring; d <= ring; d++) offsets.push([ring, d], [-ring, d]);
  for (let d = -ring + 1; d < ring; d++) offsets.push([d, ring], [d, -ring]);
  return offsets;
}

export class GeoCellIndex {
  private readonly cellIndex: Map<string, number>;

  private constructor(private readonly columns: GeoColumns) {
    this.cellIndex = new Map(columns.cells.map((cell, i) => [cell, i]));
  }

  static build(points: Array<{ ordinal: number } & LatLng>): GeoCellIndex {
    const entries = points
      .map((p) => ({ ...p, cell: ngeohash.encode(p.lat, p.lng, CELL_PRECISION) }))
      .sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : a.ordinal - b.ordinal));
    const cells: string[] = [];
    const bounds: number[] = [];
    const ordinals = new Int32Array(entries.length);
    const coordinates = new Int32Array(entries.length * 2);
    for (const [i, e] of entries.entries()) {
      if (cells[cells.length - 1] !== e.cell) {
        cells.push(e.cell);
        bounds.push(i);
      }
      ordinals[i] = e.ordinal;
      coordinates[2 * i] = Math.round(e.lat * MICRO);
      coordinates[2 * i + 1] = Math.round(e.lng * MICRO);
    }
    bounds.push(entries.length);
    return new GeoCellIndex({ cells, bounds: Int32Array.from(bounds), ordinals, points: coordinates });
  }

  static fromColumns(columns: GeoColumns): GeoCellIndex {
    return new GeoCellIndex(columns);
  }

  toColumns(): GeoColumns {
    return this.columns;
  }

  /** Schools with coordinates. */
  get size(): number {
    return this.columns.ordinals.length;
  }

  /**
   * The `limit` schools nearest to `centre` within `maxRadius` metres, nearest first (ties by
   * ordinal). Reads the centre's cell and its 8 neighbours, then widens ring by ring while fewer
   * than `limit` schools lie within the radius the read cells are known to cover: a school
   * outside the block is farther than that radius, so the answer is exact, not just near.
   */
  nearest(centre: LatLng, limit: number, maxRadius = NEARBY_RADIUS_MAX_M): NearbyHit[] {
    const home = ngeohash.encode(centre.lat, centre.lng, CELL_PRECISION);
    const box = ngeohash.decode_bbox(home);
    const [south, west, north, east] = box;
    const height = north - south;
    const width = east - west;
    const seen = new Set<string>();
    const found: Candidate[] = [];
    const read = (cell: string) => {
      if (seen.has(cell)) return;
      seen.add(cell);
      this.collect(cell, centre, maxRadius, found);
    };
    read(home);
    for (const cell of ngeohash.neighbors(home)) read(cell);
    for (let ring = 1; ; ring++) {
      // Metres from the centre to the nearest edge of the (2 ring + 1)² block read so far.
      const poleward = Math.max(Math.abs(south - ring * height), Math.abs(north + ring * height));
      const eastWest = METRES_PER_DEGREE * Math.cos((Math.min(poleward, 90) * Math.PI) / 180);
      const covered = Math.min(
        (centre.lat - (south - ring * height)) * METRES_PER_DEGREE,
        (north + ring * height - centre.lat) * METRES_PER_DEGREE,
        (centre.lng - (west - ring * width)) * eastWest,
        (east + ring * width - centre.lng) * eastWest,
      );
      if (covered >= maxRadius) return toHits(found, limit);
      const certain = found.filter((c) => c.metres <= covered);
      if (certain.length >= limit) return toHits(certain, limit);
      // The next ring of cells around the block, found by their centres (so no edge is ambiguous).
      for (const [dLat, dLng] of ringOffsets(ring + 1)) {
        const lat = (south + north) / 2 + dLat * height;
        if (lat > -90 && lat < 90) read(ngeohash.encode(lat, (west + east) / 2 + dLng * width, CELL_PRECISION));
      }
    }
  }

  /** The baseline the cells are measured and checked against: every school's distance, sorted. */
  scan(centre: LatLng, limit: number, maxRadius = NEARBY_RADIUS_MAX_M): NearbyHit[] {
    const found: Candidate[] = [];
    for (let i = 0; i < this.columns.cells.length; i++) this.collect(this.columns.cells[i], centre, maxRadius, found);
    return toHits(found, limit);
  }

  private collect(cell: string, centre: LatLng, maxRadius: number, into: Candidate[]): void {
    const i = this.cellIndex.get(cell);
    if (i === undefined) return;
    const { bounds, ordinals, points } = this.columns;
    for (let e = bounds[i]; e < bounds[i + 1]; e++) {
      const metres = haversineMetres(centre, { lat: points[2 * e] / MICRO, lng: points[2 * e + 1] / MICRO });
      if (metres <= maxRadius) into.push({ ordinal: ordinals[e], metres });
    }
  }
}
