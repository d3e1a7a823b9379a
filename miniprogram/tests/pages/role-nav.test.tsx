import type { Me } from '../../../shared';
import { roleEntries } from '../../src/pages/home/components/RoleNav';
import { currentDemoRole } from '../../src/pages/home/components/DemoRoleSwitcher';

const base: Me = { userId: 'u', roles: [{ role: 'parent', scope: null }], schools: [], teacher: null };
const labels = (me: Me | null) => roleEntries(me).map((e) => e.label);

describe('navigation by role', () => {
  test('a visitor and a parent without schools see 我的 only', () => {
    expect(labels(null)).toEqual(['我的']);
    expect(labels(base)).toEqual(['我的']);
  });

  test('a parent sees 我的问卷 and their bound schools', () => {
    const me = { ...base, schools: [{ schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', districtId: 'jinan-shizhong', boundAt: '' }] };
    expect(labels(me)).toEqual(['我的', '我的问卷', '济南市经八路小学']);
  });

  test('a teacher sees 我的任教学校', () => {
    const me: Me = {
      ...base,
      roles: [...base.roles, { role: 'teacher', scope: { type: 'teacher', id: 't1', name: '演示教师' } }],
      teacher: { teacherId: 't1', name: '演示教师', schoolId: 'jn-jingbalu-ps', schoolName: '济南市经八路小学', boundAt: '' },
    };
    expect(labels(me)).toEqual(['我的', '我的任教学校']);
    expect(currentDemoRole(me)).toBe('teacher');
  });

  test('group and district admins see 管理 and 问卷', () => {
    const group: Me = { ...base, roles: [...base.roles, { role: 'group_admin', scope: { type: 'group', id: 'jn-jingwu', name: '经五教育集团' } }] };
    const district: Me = { ...base, roles: [...base.roles, { role: 'district_admin', scope: { type: 'district', id: 'jinan-shizhong', name: '市中区' } }] };
    expect(labels(group)).toEqual(['我的', '管理', '问卷']);
    expect(labels(district)).toEqual(['我的', '管理', '问卷']);
    expect(currentDemoRole(district)).toBe('district_admin');
  });
});
