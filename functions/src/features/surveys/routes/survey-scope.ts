import type { SurveyDefinition } from '../../../../../shared';
import type { Reference, ScopeTarget } from '../../../http/route';

type AudiencePlaces = Pick<SurveyDefinition['audience'], 'districtId' | 'groupIds' | 'schoolIds'>;

/** A survey for one group is that group's admins' to manage; anything wider, the district's. */
export const audienceTarget = (audience: AudiencePlaces): ScopeTarget =>
  audience.groupIds.length === 1 ? { type: 'group', id: audience.groupIds[0] } : { type: 'district', id: audience.districtId };

const AT = 'definition.audience';

/**
 * Every place an audience names lies in the caller's scope, like the target (else 403
 * FORBIDDEN_REFERENCE): each group, each school, and the district. A one-group survey is the
 * exception for the district, since its target is the group and a group admin's scope holds no
 * district: there the district is bound to the group by the audience rule instead (every group
 * in the district, else 400 AUDIENCE_MISMATCH; see audience-rule.ts).
 */
export const audienceReferences = (audience: AudiencePlaces): Reference[] => [
  ...(audience.groupIds.length === 1 ? [] : [{ path: `${AT}.districtId`, target: { type: 'district' as const, id: audience.districtId } }]),
  ...audience.groupIds.map((id, i) => ({ path: `${AT}.groupIds.${i}`, target: { type: 'group' as const, id } })),
  ...audience.schoolIds.map((id, i) => ({ path: `${AT}.schoolIds.${i}`, target: { type: 'school' as const, id } })),
];
