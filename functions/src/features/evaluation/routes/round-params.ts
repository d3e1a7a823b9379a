import { idParam } from '../../../http/path-params';
import type { ScopeTarget } from '../../../http/route';
import type { Services } from '../../../services';
import { ROUND_ID } from '../domain/round-id';

/** The :id of a round route: a malformed id is simply not found. */
export const roundParam = idParam(ROUND_ID, '未找到该评价轮次');

/** The round a route acts on, read once (404 '未找到该评价轮次'). */
export const loadRound = (services: Services, { params }: { params: { id: string } }) => services.evaluation.round(params.id);

/** Rounds are the district's: its admins manage them. */
export const roundDistrict = ({ subject }: { subject: { districtId: string } }): ScopeTarget => ({
  type: 'district',
  id: subject.districtId,
});
