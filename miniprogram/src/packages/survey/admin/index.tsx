import { View } from '@tarojs/components';
import { listDistrictGroups } from '../../../api/catalog';
import { getSurveySettings, listDistrictSurveys, listGroupSurveys } from '../../../api/surveys';
import { RecognitionSetting } from './RecognitionSetting';
import { NewSurvey } from './NewSurvey';
import { SendReminders } from './SendReminders';
import { CopySurvey } from './CopySurvey';
import { DraftBox } from './DraftBox';
import './admin.scss';
import { useMe } from '../../../auth/useMe';
import type { SurveySummary } from '../../../../../shared';
import { DataTable } from '../../../components/data-table/DataTable';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
import { useWideScreen } from '../../../hooks/useWideScreen';
import { ENROLLMENT_PAGE, openPage, resultsPageUrl } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';

/**
 * Surveys an admin manages (each opening its results, each copyable into a new draft), 新建问卷 in
 * the builder with its 草稿箱, and 快速发布 from a template: a district
 * admin sees the district's and may aim at the district or one group; a group admin sees and
 * makes their group's. A district admin also sets the district's 认可口径.
 */
export default function AdminSurveysPage() {
  const { me, loading } = useMe();
  const wide = useWideScreen();
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!);
  const districtIds = scopes('district_admin').map((s) => s.id);
  const ownGroups = scopes('group_admin').map((s) => ({ id: s.id, name: s.name }));
  const surveys = useAsync(async () => {
    const lists = await Promise.all([...districtIds.map(listDistrictSurveys), ...ownGroups.map((g) => listGroupSurveys(g.id))]);
    const byId = new Map(lists.flatMap((l) => l.items).map((s) => [s.id, s]));
    return [...byId.values()];
  }, [districtIds.join(), ownGroups.map((g) => g.id).join()]);
  // Back from the builder (a survey published, a draft saved): the lists are fresh at once.
  useReshow(() => surveys.refresh());
  const settings = useAsync(async () => (districtIds[0] ? getSurveySettings(districtIds[0]) : null), [districtIds.join()]);
  const groups = useAsync(async () => (districtIds[0] ? (await listDistrictGroups(districtIds[0])).items : []), [districtIds.join()]);
  if (loading || surveys.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (districtIds.length === 0 && ownGroups.length === 0) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  if (surveys.status === 'error') return <StatusView kind="error" message={surveys.message} onRetry={surveys.reload} />;
  return (
    <View className="page">
      <View id="open-enrollment">
        <ListRow title="填写在校家庭数" meta="各校在校家庭数用于计算问卷回收率和捆绑得分" onTap={() => openPage(ENROLLMENT_PAGE)} />
      </View>
      <DraftBox
        places={districtIds[0] ? [{ type: 'district', id: districtIds[0] }] : ownGroups.map((g) => ({ type: 'group' as const, id: g.id }))}
      />
      <Section title="全部问卷">
        {surveys.data.length === 0 ? <StatusView kind="empty" message="暂无问卷" /> : null}
        {wide ? (
          <SurveyTable surveys={surveys.data} />
        ) : (
          surveys.data.map((s) => (
            // 提醒未答家长 sits below the row, not inside it: a tap on the row always opens the results.
            <View key={s.id}>
              <ListRow
                className="admin-survey"
                title={s.title}
                meta={`截止 ${beijingTime(s.closesAt)}`}
                onTap={() => openPage(resultsPageUrl(s.id))}
              />
              <View className="admin-survey__actions">
                {s.status === 'open' ? <SendReminders surveyId={s.id} /> : null}
                <CopySurvey surveyId={s.id} />
              </View>
            </View>
          ))
        )}
      </Section>
      {districtIds[0] ? (
        <NewSurvey districtId={districtIds[0]} groups={groups.status === 'ready' ? groups.data : []} onCreated={surveys.reload} />
      ) : (
        <NewSurvey districtId={null} groups={ownGroups} groupOnly onCreated={surveys.reload} />
      )}
      {districtIds[0] && settings.status === 'ready' && settings.data ? (
        <RecognitionSetting districtId={districtIds[0]} settings={settings.data} />
      ) : null}
    </View>
  );
}

const STATUS: Record<SurveySummary['status'], string> = { scheduled: '未开始', open: '进行中', closed: '已截止' };

/**
 * At desktop width (an office PC) the surveys as a table: a tap on a row opens its results;
 * its actions stop the tap, so 复制 or 提醒 never opens the results as well.
 */
function SurveyTable({ surveys }: { surveys: SurveySummary[] }) {
  return (
    <DataTable
      rows={surveys}
      rowKey={(s) => s.id}
      rowId={(s) => `admin-survey-${s.id}`}
      rowClassName={() => 'admin-survey'}
      onRowTap={(s) => openPage(resultsPageUrl(s.id))}
      columns={[
        { key: 'title', title: '问卷', grow: 3, render: (s) => s.title },
        { key: 'status', title: '状态', render: (s) => STATUS[s.status] },
        { key: 'opens', title: '开始', grow: 1.5, render: (s) => beijingTime(s.opensAt) },
        { key: 'closes', title: '截止', grow: 1.5, render: (s) => beijingTime(s.closesAt) },
        {
          key: 'actions',
          title: '操作',
          grow: 2.5,
          render: (s) => (
            <View className="admin-survey__actions" onClick={(e) => e.stopPropagation()}>
              {s.status === 'open' ? <SendReminders surveyId={s.id} /> : null}
              <CopySurvey surveyId={s.id} />
            </View>
          ),
        },
      ]}
    />
  );
}
