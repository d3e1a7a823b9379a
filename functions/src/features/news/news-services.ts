import type { Infrastructure } from '../../infrastructure';

/** The news feature's services, built once per container. */
export function newsServices(_infra: Infrastructure) {
  return {};
}
