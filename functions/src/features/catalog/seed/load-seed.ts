import type { CatalogRepository } from '../catalog-repository';
import { publishCatalog } from '../catalog-snapshots';
import { catalogItems } from './seed-items';
import { seedData, type SeedData } from './seed-data';

/**
 * Writes the demo data and publishes the catalogue snapshot every container loads; running it
 * again rewrites the same items, adds nothing, and publishes an equal snapshot.
 */
export async function loadSeed(
  catalog: CatalogRepository,
  onProgress?: (written: number, total: number) => void,
  data: SeedData = seedData,
): Promise<number> {
  const items = catalogItems(data);
  await catalog.putItems(items, onProgress);
  await publishCatalog(catalog);
  return items.length;
}
