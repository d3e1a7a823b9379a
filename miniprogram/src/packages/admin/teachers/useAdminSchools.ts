import type { Me } from '../../../../../shared';
import { SEARCH_LIMIT_MAX } from '../../../../../shared/limits';
import { getGroup, listDistrictGroups, searchSchools } from '../../../api/catalog';

export interface ManagedSchool {
  id: string;
  name: string;
}

/** A district's school list is paged; more pages than this would be no district we know. */
const MAX_DISTRICT_PAGES = 20;

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
      for (const s of await districtSchools(scope.id)) found.set(s.id, s.name);
    }
  }
  return [...found].map(([id, name]) => ({ id, name }));
}

/** Every school of a district (GET /api/schools?district=…, following the cursor). */
async function districtSchools(districtId: string): Promise<ManagedSchool[]> {
  const schools: ManagedSchool[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_DISTRICT_PAGES; page++) {
    const result = await searchSchools({ district: districtId, limit: SEARCH_LIMIT_MAX, cursor });
    schools.push(...result.items.map((s) => ({ id: s.id, name: s.name })));
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return schools;
}

/** Groups a district admin may invite group admins for. */
export async function managedGroups(me: Me): Promise<Array<{ id: string; name: string }>> {
  const districts = me.roles.filter((r) => r.role === 'district_admin' && r.scope).map((r) => r.scope!.id);
  const lists = await Promise.all(districts.map((id) => listDistrictGroups(id)));
  return lists.flatMap((l) => l.items.map((g) => ({ id: g.id, name: g.name })));
}
