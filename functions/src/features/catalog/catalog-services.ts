import type { Infrastructure } from '../../infrastructure';
import { CatalogAdminService } from './admin/catalog-admin-service';
import { DirectoryService } from './directory-service';
import { CatalogImportService } from './import/catalog-import-service';
import { SchoolDirectory } from './school-directory';

/** The catalogue's services, built once per container. */
export function catalogServices(infra: Infrastructure) {
  const directory = new SchoolDirectory(infra.catalog, infra.config.searchCacheTtlMs, () => infra.now().getTime());
  return {
    directory,
    catalog: new DirectoryService(infra, directory),
    catalogAdmin: new CatalogAdminService(infra),
    catalogImport: new CatalogImportService(infra),
  };
}
