import type { Infrastructure } from '../../infrastructure';

/** The evaluation feature's services, built once per container. */
export function evaluationServices(_infra: Infrastructure) {
  return {};
}
