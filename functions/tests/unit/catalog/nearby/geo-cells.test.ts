import ngeohash from 'ngeohash';
import { GeoCellIndex, CELL_PRECISION, NEARBY_RADIUS_MAX_M } from '../../../../src/features/catalog/domain/nearby/geo-cells';
import { haversineMetres } from '../../../../src/features/catalog/domain/nearby/distance';

/** 附近的学校 reads geohash cells around the parent, widens when they hold too few schools, and answers as a full scan would. */
describe('the geohash cell search', () => {
  // 泉城广场, Jinan (GCJ-02).
  const centre = { lat: 36.6612, lng: 117.0213 };
  /** A point `north` and `east` metres from the centre (small offsets, flat-earth). */
  const offset = (north: number, east: number) => ({
    lat: centre.lat + north / 111_195,
    lng: centre.lng + east / (111_195 * Math.cos((centre.lat * Math.PI) / 180)),
  });

  it('measures a known distance: 泉城广场 to 大明湖 is about 1.6 km', () => {
    // Act
    const metres = haversineMetres(centre, { lat: 36.6752, lng: 117.0255 });
    // Assess
    expect(metres).toBeGreaterThan(1_500);
    expect(metres).toBeLessThan(1_700);
  });

  it('lists schools in the centre cell and its 8 neighbours nearest first, with their distance in metres', () => {
    // Prepare: one school in each of the 9 cells, at growing distances.
    const home = ngeohash.encode(centre.lat, centre.lng, CELL_PRECISION);
    const cells = [home, ...ngeohash.neighbors(home)];
    const points = cells.map((cell, ordinal) => ({ ordinal, ...ngeohash.decode(cell) }));
    const index = GeoCellIndex.build(points.map((p) => ({ ordinal: p.ordinal, lat: p.latitude, lng: p.longitude })));
    // Act
    const hits = index.nearest(centre, 20);
    // Assess: all nine, ordered by distance, each the haversine distance to the metre (coordinates are kept in micro-degrees).
    expect(hits).toHaveLength(9);
    const distances = hits.map((h) => h.distance);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    for (const hit of hits) {
      const p = points[hit.ordinal];
      expect(Math.abs(hit.distance - haversineMetres(centre, { lat: p.latitude, lng: p.longitude }))).toBeLessThanOrEqual(1);
    }
  });

  it('widens beyond the 9 cells when they hold fewer schools than asked for', () => {
    // Prepare: one school 300 m away, the others 12, 18 and 25 km away (outside the 3 × 3 block of ~4 km cells).
    const index = GeoCellIndex.build([
      { ordinal: 0, ...offset(300, 0) },
      { ordinal: 1, ...offset(0, 12_000) },
      { ordinal: 2, ...offset(-18_000, 0) },
      { ordinal: 3, ...offset(25_000, 0) },
    ]);
    // Act
    const two = index.nearest(centre, 2);
    const all = index.nearest(centre, 10);
    // Assess
    expect(two.map((h) => h.ordinal)).toEqual([0, 1]);
    expect(all.map((h) => h.ordinal)).toEqual([0, 1, 2, 3]);
    expect(all[1].distance).toBeGreaterThan(11_900);
    expect(all[1].distance).toBeLessThan(12_100);
  });

  it('never widens past 30 km: a school 40 km away is not 附近', () => {
    // Prepare
    const index = GeoCellIndex.build([{ ordinal: 0, ...offset(40_000, 0) }]);
    // Act
    const hits = index.nearest(centre, 20);
    // Assess
    expect(NEARBY_RADIUS_MAX_M).toBe(30_000);
    expect(hits).toEqual([]);
  });

  it('takes a nearer school in a neighbouring cell before a farther one in the centre cell', () => {
    // Prepare: the centre cell's far corner against a school just across the nearest edge.
    const [south, west, north, east] = ngeohash.decode_bbox(ngeohash.encode(centre.lat, centre.lng, CELL_PRECISION));
    const nearEdge = { lat: centre.lat, lng: centre.lng - west < east - centre.lng ? west - 0.001 : east + 0.001 };
    const farCorner = {
      lat: centre.lat - south > north - centre.lat ? south + 0.0001 : north - 0.0001,
      lng: centre.lng - west > east - centre.lng ? west + 0.0001 : east - 0.0001,
    };
    const index = GeoCellIndex.build([
      { ordinal: 0, ...farCorner },
      { ordinal: 1, ...nearEdge },
    ]);
    // Act
    const hits = index.nearest(centre, 1);
    // Assess
    expect(haversineMetres(centre, nearEdge)).toBeLessThan(haversineMetres(centre, farCorner));
    expect(hits.map((h) => h.ordinal)).toEqual([1]);
  });

  it('orders schools at the same distance by ordinal', () => {
    // Prepare
    const same = offset(500, 500);
    const index = GeoCellIndex.build([
      { ordinal: 7, ...same },
      { ordinal: 3, ...same },
    ]);
    // Act
    const hits = index.nearest(centre, 5);
    // Assess
    expect(hits.map((h) => h.ordinal)).toEqual([3, 7]);
  });

  it('answers as the linear scan does for 100 random positions over 3,000 clustered schools', () => {
    // Prepare: a deterministic spread of schools 0–40 km around the centre, denser near it.
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const points = Array.from({ length: 3_000 }, (_, ordinal) => {
      const r = 40_000 * random() ** 2;
      const angle = 2 * Math.PI * random();
      return { ordinal, ...offset(r * Math.sin(angle), r * Math.cos(angle)) };
    });
    const index = GeoCellIndex.fromColumns(GeoCellIndex.build(points).toColumns());
    const probes = Array.from({ length: 100 }, () => offset(80_000 * (random() - 0.5), 80_000 * (random() - 0.5)));
    // Act
    const mismatches = probes.filter((p, i) => {
      const limit = 1 + (i % 30);
      return JSON.stringify(index.nearest(p, limit)) !== JSON.stringify(index.scan(p, limit));
    });
    // Assess
    expect(index.size).toBe(3_000);
    expect(mismatches).toEqual([]);
  });
});
