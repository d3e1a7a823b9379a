import type { Infrastructure } from '../../infrastructure';
import { RotationNotices } from './rotation-notices';
import { ObjectionService } from './rotation-objections';
import { RotationPolicy } from './rotation-policy';
import { RotationService } from './rotation-service';

/** The rotation feature's services, built once per container. */
export function rotationServices(infra: Infrastructure) {
  const rotationBatches = new RotationService(infra);
  return {
    rotationBatches,
    rotationNotices: new RotationNotices(infra, rotationBatches),
    rotationObjections: new ObjectionService(infra),
    rotationPolicy: new RotationPolicy(infra),
  };
}
