import type { Infrastructure } from '../../infrastructure';

/** The surveys feature's services, built once per container. */
export function surveysServices(_infra: Infrastructure) {
  return {};
}
