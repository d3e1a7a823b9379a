import type { BoundSchool, SchoolGroupRef } from '../../../../shared';
import { getSchool } from '../../api/catalog';
import { useAsync } from '../../hooks/useAsync';

/** Groups per school; a school's groups hardly change while the app is open. */
const cache = new Map<string, Promise<SchoolGroupRef[]>>();

function groupsOf(schoolId: string): Promise<SchoolGroupRef[] | null> {
  let groups = cache.get(schoolId);
  if (!groups) {
    groups = getSchool(schoolId).then((school) => school.groups);
    // A failure is not remembered: the next visit asks again.
    groups.catch(() => cache.delete(schoolId));
    cache.set(schoolId, groups);
  }
  return groups.catch(() => null);
}

/**
 * The education groups of 我的学校, for the home page's quick links: schoolId → its groups,
 * or null where they could not be loaded (the link then goes to the school). null while loading.
 */
export function useBoundSchoolGroups(schools: BoundSchool[]): Map<string, SchoolGroupRef[] | null> | null {
  const ids = schools.map((s) => s.schoolId);
  const state = useAsync(async () => new Map(await Promise.all(ids.map(async (id) => [id, await groupsOf(id)] as const))), [ids.join(',')]);
  return state.status === 'ready' ? state.data : null;
}

/** Tests only. */
export function resetBoundSchoolGroups(): void {
  cache.clear();
}
