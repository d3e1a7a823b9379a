import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { messageOf } from '../../../api/api-error';
import { getRoundReport, listDistrictRounds, lockRound, roundExportPath } from '../../../api/evaluation';
import { openExport } from '../../../api/export-file';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { groupReportPageUrl, openPage } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';
import { coverageSummary } from './coverage';
import { CoverageList } from './CoverageList';
import { lockConfirmText } from './lock-round';
import { PublishForm } from './PublishForm';
import { RankingTable } from './RankingTable';
import { ScoreForm } from './ScoreForm';
import { ScoreImport } from './ScoreImport';
import '../../../pages/detail.scss';
import './index.scss';

/**
 * One round for its district admins: the district ranking of groups, 录入人工评分 while open,
 * 锁定 (scores and report frozen), then 公开设置; 导出 Excel at any time.
 */
export default function RoundPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const state = useAsync(async () => {
    const report = await getRoundReport(id);
    const round = (await listDistrictRounds(report.districtId)).items.find((r) => r.id === id) ?? null;
    return { report, round };
  }, [id]);
  useNavigationTitle(state.status === 'ready' ? state.data.report.name : undefined);
  if (state.status === 'loading') return <StatusView kind="loading" message="正在计算…" />;
  if (state.status === 'error') return <StatusView kind="error" message={state.message} onRetry={state.reload} />;
  const { report, round } = state.data;
  const open = round?.status !== 'locked';
  const { coverage } = report;
  const summary = coverageSummary(report);

  const lock = async () => {
    const { confirm } = await Taro.showModal({
      title: '锁定轮次',
      content: lockConfirmText(coverage, summary),
      confirmText: coverage.complete ? '锁定' : '仍要锁定',
    });
    if (!confirm) return;
    await lockRound(id, !coverage.complete).then(state.reload, (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }));
  };

  return (
    <View className="page round-page">
      <Section>
        <Text className="detail__name">{report.name}</Text>
        <Text className="detail__meta" id="round-status">
          {open ? '评分中' : `已锁定 ${round?.lockedAt ? beijingTime(round.lockedAt) : ''}`} · {report.system.name}
        </Text>
        <Text className="detail__note" id="round-coverage">
          {coverage.complete
            ? '全部学校和集团数据完整'
            : `数据不完整：${coverage.groups.incomplete.length} 个集团、${coverage.schools.incomplete.length} 所学校缺分数或在校家庭数（不计为 0 分，也不按已有部分折算），不参与排名；排名只含 ${coverage.groups.ranked} 个数据完整的集团`}
        </Text>
        <View className="button-row round-actions">
          <Button
            id="round-export"
            className="button-row__button"
            size="mini"
            onClick={() =>
              void openExport(roundExportPath(id), `${report.name}.xlsx`).catch((e) =>
                Taro.showToast({ title: messageOf(e), icon: 'none' }),
              )
            }
          >
            导出 Excel
          </Button>
          {open ? (
            <Button id="round-lock" className="button-row__button" size="mini" onClick={() => void lock()}>
              锁定
            </Button>
          ) : null}
        </View>
      </Section>
      {open ? <ScoreImport roundId={id} roundName={report.name} onImported={state.refresh} /> : null}
      <Section title="数据完整性" className="round-coverage">
        <CoverageList summary={summary} id="round-coverage-list" />
      </Section>
      <Section title="全区集团排名">
        <RankingTable groups={report.groups} onOpen={(groupId) => openPage(groupReportPageUrl(id, groupId))} />
      </Section>
      {open ? (
        <ScoreForm report={report} onSaved={state.refresh} />
      ) : (
        <PublishForm roundId={id} current={round?.publication ?? null} coverage={coverage} summary={summary} onSaved={state.refresh} />
      )}
    </View>
  );
}
