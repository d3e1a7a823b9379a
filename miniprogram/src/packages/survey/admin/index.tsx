import { View } from '@tarojs/components';
import { listDistrictGroups } from '../../../api/catalog';
import { listDistrictSurveys } from '../../../api/surveys';
import { NewSurvey } from './NewSurvey';
import './index.scss';
import { useMe } from '../../../auth/useMe';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { openPage, resultsPageUrl } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';

/** A district admin's surveys (each opening its results), and 新建问卷 from a template. */
export default function AdminSurveysPage() {
  const { me, loading } = useMe();
  const districtIds = (me?.roles ?? []).filter((r) => r.role === 'district_admin' && r.scope).map((r) => r.scope!.id);
  const surveys = useAsync(async () => (await Promise.all(districtIds.map(listDistrictSurveys))).flatMap((l) => l.items), [districtIds.join()]);
  const groups = useAsync(async () => (districtIds[0] ? (await listDistrictGroups(districtIds[0])).items : []), [districtIds.join()]);
  if (loading || surveys.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (districtIds.length === 0) return <StatusView kind="hint" message="仅区管理员可查看全区问卷" />;
  if (surveys.status === 'error') return <StatusView kind="error" message={surveys.message} onRetry={surveys.reload} />;
  return (
    <View className="page">
      <NewSurvey districtId={districtIds[0]} groups={groups.status === 'ready' ? groups.data : []} onCreated={surveys.reload} />
      <Section title="全部问卷">
        {surveys.data.length === 0 ? <StatusView kind="empty" message="暂无问卷" /> : null}
        {surveys.data.map((s) => (
          <ListRow key={s.id} className="admin-survey" title={s.title} meta={`截止 ${beijingTime(s.closesAt)}`} onTap={() => openPage(resultsPageUrl(s.id))} />
        ))}
      </Section>
    </View>
  );
}
