import type { CatalogRepository } from '../catalog-repository';
import { catalogItems } from './seed-items';
import { seedData, type SeedData } from './seed-data';

/** Writes the demo data; running it again rewrites the same items and adds nothing. */
export async function loadSeed(
  catalog: CatalogRepository,
  onProgress?: (written: number, total: number) => void,
  data: SeedData = seedData,
): Promise<number> {
  const items = catalogItems(data);
  await catalog.putItems(items, onProgress);
  return items.length;
}
