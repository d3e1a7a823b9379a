import type { Infrastructure } from '../../infrastructure';

/** The rotation feature's services, built once per container. */
export function rotationServices(_infra: Infrastructure) {
  return {};
}
