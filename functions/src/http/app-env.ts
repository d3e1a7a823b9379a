import type { CatalogRepository } from '../repositories/catalog-repository';
import type { SchoolDirectory } from '../services/school-directory';

/** What the adapters hand the core besides the request. */
export interface AppBindings {
  /** Set only by the WeChat cloud adapter, from cloud.getWXContext() (trusted by WeChat). */
  wxOpenId?: string;
}

export interface AppServices {
  catalog: CatalogRepository;
  directory: SchoolDirectory;
}

export type AppEnv = { Bindings: AppBindings; Variables: { services: AppServices } };
