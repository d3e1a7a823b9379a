import type { Me, RoleGrant } from '../../../../shared';
import type { GrantItem, SchoolBindingItem, TeacherBindingItem, UserItem } from './identity-items';

const ROLE_ORDER = { parent: 0, teacher: 1, group_admin: 2, district_admin: 3 } as const;

/** GET /api/me from the user's items: every WeChat user is a parent, plus what was granted. */
export function meView(userId: string, items: UserItem[]): Me {
  const grants = items.filter((i): i is GrantItem => i.kind === 'grant');
  const roles: RoleGrant[] = [
    { role: 'parent', scope: null },
    ...grants
      .map((g) => ({ role: g.role, scope: { type: g.scopeType, id: g.scopeId, name: g.scopeName } }))
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.scope.id.localeCompare(b.scope.id)),
  ];
  const schools = items
    .filter((i): i is SchoolBindingItem => i.kind === 'school-binding')
    .map(({ schoolId, name, districtId, boundAt }) => ({ schoolId, name, districtId, boundAt }))
    .sort((a, b) => a.boundAt.localeCompare(b.boundAt));
  const teacherItem = items.find((i): i is TeacherBindingItem => i.kind === 'teacher-binding');
  const teacher = teacherItem
    ? {
        teacherId: teacherItem.teacherId,
        name: teacherItem.name,
        schoolId: teacherItem.schoolId,
        schoolName: teacherItem.schoolName,
        boundAt: teacherItem.boundAt,
      }
    : null;
  return { userId, roles, schools, teacher };
}
