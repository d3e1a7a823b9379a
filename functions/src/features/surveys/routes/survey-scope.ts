import type { SurveyDefinition } from '../../../../../shared';
import type { ScopeTarget } from '../../../http/route';

type AudiencePlaces = Pick<SurveyDefinition['audience'], 'districtId' | 'groupIds' | 'schoolIds'>;

/** A survey for one group is that group's admins' to manage; anything wider, the district's. */
export const audienceTarget = (audience: AudiencePlaces): ScopeTarget =>
  audience.groupIds.length === 1 ? { type: 'group', id: audience.groupIds[0] } : { type: 'district', id: audience.districtId };
