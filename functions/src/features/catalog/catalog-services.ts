import type { Infrastructure } from '../../infrastructure';
import { DirectoryService } from './directory-service';
import { CatalogImportService } from './import/catalog-import-service';
import { SchoolDirectory } from './school-directory';

/** The catalogue's services, built once per container. */
export function catalogServices(infra: Infrastructure) {
  const directory = new SchoolDirectory(infra.catalog, infra.config.searchCacheTtlMs);
  return {
    directory,
    catalog: new DirectoryService(infra, directory),
    catalogImport: new CatalogImportService(infra),
  };
}
