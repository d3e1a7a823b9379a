import { Text, View } from '@tarojs/components';
import type { EnrollmentRow as Row } from '../../../../../shared';
import { listDistrictEnrollments, listGroupEnrollments } from '../../../api/surveys';
import { useMe } from '../../../auth/useMe';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { EnrollmentRow } from './EnrollmentRow';
import './index.scss';

/**
 * 在校家庭数 of the schools an admin manages (a district admin: the district's; a group admin:
 * their groups'), one saved at a time: 回收率 and 捆绑得分 divide by it.
 */
export default function EnrollmentPage() {
  const { me, loading } = useMe();
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!.id);
  const districtIds = scopes('district_admin');
  const groupIds = scopes('group_admin');
  const rows = useAsync(async () => {
    const lists = await Promise.all([...districtIds.map(listDistrictEnrollments), ...groupIds.map(listGroupEnrollments)]);
    // A school in two of the admin's groups is listed once.
    const bySchool = new Map<string, Row>(lists.flatMap((l) => l.items).map((r) => [r.schoolId, r]));
    return [...bySchool.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }, [districtIds.join(), groupIds.join()]);
  if (loading || rows.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (districtIds.length === 0 && groupIds.length === 0) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  if (rows.status === 'error') return <StatusView kind="error" message={rows.message} onRetry={rows.reload} />;
  return (
    <View className="page">
      <Section title="在校家庭数">
        <Text className="field__hint">请填写各校在校学生的家庭数（整数，0 到 100000），用于计算问卷回收率和捆绑得分。每校单独保存。</Text>
        {rows.data.length === 0 ? <StatusView kind="empty" message="暂无学校" /> : null}
        {rows.data.map((r) => (
          <EnrollmentRow key={r.schoolId} row={r} />
        ))}
      </Section>
    </View>
  );
}
