import type { Role, ScopeType } from '../../../../../shared';

/** What a role grant says, as authorization needs it. */
export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

/** Where an entity sits: its district and the groups that contain it. */
export interface Placement {
  districtId: string;
  groupIds: string[];
}

/**
 * A district admin may act on anything in their district (its groups and their schools);
 * a group admin on their group and its member schools. Only grants of the allowed roles count.
 */
export function isAllowed(grants: Grant[], allowedRoles: Role[], placement: Placement): boolean {
  return grants.some((grant) => {
    if (!allowedRoles.includes(grant.role)) return false;
    if (grant.role === 'district_admin') return grant.scopeType === 'district' && grant.scopeId === placement.districtId;
    if (grant.role === 'group_admin') return grant.scopeType === 'group' && placement.groupIds.includes(grant.scopeId);
    return false;
  });
}
