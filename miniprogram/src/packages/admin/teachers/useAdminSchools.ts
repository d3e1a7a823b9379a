import type { Me } from '../../../../../shared';
import { getGroup, listDistrictGroups, searchSchools } from '../../../api/catalog';

export interface ManagedSchool {
  id: string;
  name: string;
}

/**
 * The schools an admin may manage: a district admin's district, a group admin's member
 * schools. The server checks scope anyway; this only offers what will be allowed.
 */
export async function managedSchools(me: Me): Promise<ManagedSchool[]> {
  const found = new Map<string, string>();
  for (const { role, scope } of me.roles) {
    if (role === 'group_admin' && scope) {
      for (const m of (await getGroup(scope.id)).members) found.set(m.schoolId, m.name);
    }
    if (role === 'district_admin' && scope) {
      for (const s of (await searchSchools({ district: scope.id, limit: 50 })).items) found.set(s.id, s.name);
    }
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/** Groups a district admin may invite group admins for. */
export async function managedGroups(me: Me): Promise<Array<{ id: string; name: string }>> {
  const districts = me.roles.filter((r) => r.role === 'district_admin' && r.scope).map((r) => r.scope!.id);
  const lists = await Promise.all(districts.map((id) => listDistrictGroups(id)));
  return lists.flatMap((l) => l.items.map((g) => ({ id: g.id, name: g.name })));
}
