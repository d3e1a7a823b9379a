import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DevLoginBody, Me, Role } from '../../../../../shared';
import { ROLE_LABELS } from '../../../../../shared/catalog/labels';
import { messageOf } from '../../../api/api-error';
import { devLogin } from '../../../api/identity';
import { saveSession } from '../../../api/session-store';

/** The demo's roles and scopes: 经八路小学 in 经五教育集团 in 济南市市中区. */
export const DEMO_ROLES: Array<{ role: Role; body: DevLoginBody }> = [
  { role: 'parent', body: { role: 'parent' } },
  { role: 'teacher', body: { role: 'teacher', schoolId: 'jn-jingbalu-ps' } },
  { role: 'group_admin', body: { role: 'group_admin', groupIds: ['jn-jingwu'] } },
  { role: 'district_admin', body: { role: 'district_admin', districtId: 'jinan-shizhong' } },
];

/** Most-privileged role first: the one the demo user "is". */
export function currentDemoRole(me: Me | null): Role | null {
  if (!me) return null;
  const roles = me.roles.map((r) => r.role);
  return (['district_admin', 'group_admin', 'teacher', 'parent'] as Role[]).find((r) => roles.includes(r)) ?? null;
}

/** H5 demo only: log in as one of four demo users (POST /api/auth/dev on the local server). */
export function DemoRoleSwitcher({ me }: { me: Me | null }) {
  const current = currentDemoRole(me);
  const choose = async (body: DevLoginBody) => {
    try {
      saveSession(await devLogin(body));
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };
  return (
    <View className="demo-roles" id="demo-roles">
      <Text className="demo-roles__label">演示身份</Text>
      {DEMO_ROLES.map(({ role, body }) => (
        <Text
          key={role}
          id={`demo-role-${role}`}
          className={`demo-roles__chip${current === role ? ' demo-roles__chip--active' : ''}`}
          onClick={() => void choose(body)}
        >
          {ROLE_LABELS[role]}
        </Text>
      ))}
    </View>
  );
}
