import { isAllowed } from '../../../src/features/identity/domain/authorize';
import type { GrantItem } from '../../../src/features/identity/identity-items';

const grant = (role: GrantItem['role'], scopeType: GrantItem['scopeType'], scopeId: string): GrantItem => ({
  kind: 'grant',
  role,
  scopeType,
  scopeId,
  scopeName: scopeId,
  grantedAt: '2026-11-23T00:00:00Z',
  grantedVia: 'test',
});
const school = { districtId: 'jn', groupIds: ['jingwu', 'shengli'] };

describe('isAllowed', () => {
  it('lets a district admin act anywhere in the district, and nowhere else', () => {
    expect(isAllowed([grant('district_admin', 'district', 'jn')], ['district_admin'], school)).toBe(true);
    expect(isAllowed([grant('district_admin', 'district', 'qd')], ['district_admin'], school)).toBe(false);
  });

  it('lets a group admin act on a school of any of its groups', () => {
    expect(isAllowed([grant('group_admin', 'group', 'shengli')], ['group_admin'], school)).toBe(true);
    expect(isAllowed([grant('group_admin', 'group', 'weier')], ['group_admin'], school)).toBe(false);
  });

  it('counts only the roles the route allows', () => {
    expect(isAllowed([grant('group_admin', 'group', 'jingwu')], ['district_admin'], school)).toBe(false);
    expect(isAllowed([grant('teacher', 'teacher', 't1')], ['group_admin', 'district_admin'], school)).toBe(false);
    expect(isAllowed([], ['group_admin', 'district_admin'], school)).toBe(false);
  });
});
