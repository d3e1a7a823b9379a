import { viewOfSnapshot, type CatalogItems } from '../../functions/src/features/catalog/catalog-snapshots';
import type { LatLng } from '../../functions/src/features/catalog/domain/nearby/distance';
import { measure } from './bench-stats';

const LIMIT = 20;
const PROBES = 200;

/**
 * 附近的学校 at the bench's scale, on the view a container loads from the snapshot: the geohash
 * cells (GeoCellIndex.nearest) against a linear scan of every school with coordinates in the
 * same run, on positions at the synthetic schools themselves (dense city cells) and between
 * cities (the search widens to 30 km and finds little). Both must give the same lists.
 */
export async function benchNearby(content: CatalogItems, snapshot: Uint8Array): Promise<void> {
  const view = (await viewOfSnapshot(snapshot))!;
  const located = content.schools.filter((s) => s.location).map((s) => s.location!);
  console.log(
    `\nNearby schools: ${located.length.toLocaleString('en')} of ${content.schools.length.toLocaleString('en')} schools with coordinates, ` +
      `${view.geo.toColumns().cells.length.toLocaleString('en')} geohash-5 cells, ${LIMIT} a page`,
  );
  const step = Math.floor(located.length / PROBES);
  const inCities: LatLng[] = Array.from({ length: PROBES }, (_, i) => located[i * step]);
  const between: LatLng[] = Array.from({ length: PROBES / 4 }, (_, i) => ({ lat: 25 + (i % 10) * 2.1, lng: 100 + ((i * 7) % 25) }));
  for (const probe of [...inCities, ...between]) {
    if (JSON.stringify(view.geo.nearest(probe, LIMIT)) !== JSON.stringify(view.geo.scan(probe, LIMIT))) {
      throw new Error(`nearby: cells and linear scan disagree at ${probe.lat},${probe.lng}`);
    }
  }
  console.log(`  cells = linear scan on all ${inCities.length + between.length} positions`);
  const geo = view.geo.toColumns();
  const geoBytes = [geo.bounds, geo.ordinals, geo.points].reduce((sum, a) => sum + a.byteLength, 0) + geo.cells.join('\n').length;
  console.log(`  snapshot bytes of the cells: ${(geoBytes / 2 ** 20).toFixed(1)} MB before gzip`);
  for (const [label, probes] of [
    ['in a city', inCities],
    ['between cities', between],
  ] as const) {
    const cells = measure(probes, 20, (p) => view.geo.nearest(p, LIMIT));
    const scan = measure(probes, 2, (p) => view.geo.scan(p, LIMIT));
    console.log(
      `  ${label.padEnd(15)} cells p50 ${cells.p50.toFixed(3)} ms, p99 ${cells.p99.toFixed(3)} ms; ` +
        `linear scan p50 ${scan.p50.toFixed(1)} ms, p99 ${scan.p99.toFixed(1)} ms (${(scan.p50 / cells.p50).toFixed(0)}× at p50)`,
    );
  }
}
