import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { RoundSummary } from '../../../../../shared';
import { listDistrictRounds, listGroupRounds, listIndicatorSystems } from '../../../api/evaluation';
import { listDistrictSurveys } from '../../../api/surveys';
import { useMe } from '../../../auth/useMe';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
import { groupReportPageUrl, openPage, roundPageUrl } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';
import { NewRound } from './NewRound';

const statusText = (r: RoundSummary) =>
  r.status === 'open' ? '评分中' : `已锁定 ${beijingTime(r.lockedAt!)}${r.publication?.published ? ' · 已公开' : ''}`;

/**
 * 集团评价: a district admin's rounds (each opening the district ranking) and 新建; a group
 * admin's view is their group's page of each locked round.
 */
export default function RoundsPage() {
  const { me, loading } = useMe();
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!);
  const districtId = scopes('district_admin')[0]?.id ?? null;
  const groups = scopes('group_admin');
  const data = useAsync(async () => {
    if (districtId) {
      const [rounds, surveys, systems] = await Promise.all([
        listDistrictRounds(districtId),
        listDistrictSurveys(districtId),
        listIndicatorSystems(districtId),
      ]);
      return { rounds: rounds.items, surveys: surveys.items, systems: systems.items, groupRounds: [] };
    }
    const groupRounds = await Promise.all(groups.map(async (g) => ({ group: g, rounds: (await listGroupRounds(g.id)).items })));
    return { rounds: [], surveys: [], systems: [], groupRounds };
  }, [districtId, groups.map((g) => g.id).join()]);
  // Back from a round (locked or published there): the list shows its new state.
  useReshow(data.refresh);

  if (loading || data.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (!districtId && groups.length === 0) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  if (data.status === 'error') return <StatusView kind="error" message={data.message} onRetry={data.reload} />;
  const { rounds, surveys, systems, groupRounds } = data.data;

  return (
    <View className="page">
      {districtId ? (
        <>
          <NewRound
            districtId={districtId}
            surveys={surveys}
            rounds={rounds}
            systems={systems}
            onCreated={(id) => void Taro.navigateTo({ url: roundPageUrl(id) })}
            onSystemSaved={data.refresh}
          />
          <Section title="评价轮次">
            {rounds.length === 0 ? <StatusView kind="empty" message="还没有评价轮次" /> : null}
            {rounds.map((r) => (
              <ListRow key={r.id} className="round-item" title={r.name} meta={statusText(r)} onTap={() => openPage(roundPageUrl(r.id))} />
            ))}
          </Section>
        </>
      ) : (
        groupRounds.map(({ group, rounds: list }) => (
          <Section key={group.id} title={group.name}>
            {list.length === 0 ? <StatusView kind="empty" message="区里还没有锁定的评价轮次" /> : null}
            {list.map((r) => (
              <ListRow
                key={r.id}
                className="round-item"
                title={r.name}
                meta={statusText(r)}
                onTap={() => openPage(groupReportPageUrl(r.id, group.id))}
              />
            ))}
          </Section>
        ))
      )}
    </View>
  );
}
