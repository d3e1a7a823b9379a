import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { getGroupReport } from '../../../api/evaluation';
import { ScoreBars } from '../../../components/score-bars/ScoreBars';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { Tag } from '../../../components/tag/Tag';
import { useAsync } from '../../../hooks/useAsync';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { missingText } from '../../../../../shared';
import { changeText, flagTexts, missingLabelOf, scoreText } from '../../../utils/score';
import { SchoolTable } from './SchoolTable';
import '../../../pages/detail.scss';
import './index.scss';

/**
 * 集团评价报告: the bundled total with its warnings, rank and 增值, the dimensions as a bar
 * chart, and the member schools — for the group's admins (locked rounds) and the district's.
 */
export default function GroupReportPage() {
  const { params } = useRouter();
  const state = useAsync(() => getGroupReport(params.round ?? '', params.group ?? ''), [params.round, params.group]);
  useNavigationTitle(state.status === 'ready' ? state.data.group.name : undefined);
  if (state.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (state.status === 'error') return <StatusView kind="error" message={state.message} onRetry={state.reload} />;
  const { round, system, group, groupCount, unrankedGroups, schools } = state.data;
  const schoolName = (id: string) => schools.find((s) => s.id === id)?.name ?? id;

  return (
    <View className="page group-report">
      <Section>
        <Text className="detail__name">{group.name}</Text>
        <Text className="detail__meta">
          {round.name} · {round.status === 'locked' ? '已锁定' : '评分中，结果可能变化'}
        </Text>
        <View className="score-headline">
          <Text className="score-headline__score" id="report-total">
            {scoreText(group.total.score)}
          </Text>
          <Text className="score-headline__unit">分（成员校按学生数加权）</Text>
        </View>
        <View id="report-flags">
          {flagTexts(group.flags).map((flag) => (
            <Tag key={flag} tone="orange" className="report-flag">
              {flag}
            </Tag>
          ))}
        </View>
        <Text className="detail__note" id="report-rank">
          {group.rank === null
            ? `数据不完整，未参与排名（${groupCount} 个集团有完整总分）`
            : `全区第 ${group.rank} 名（${groupCount} 个集团参与排名${unrankedGroups ? `，另有 ${unrankedGroups} 个集团数据不完整` : ''}）`}
          · {changeText(group)}
        </Text>
        {group.total.missing.length ? (
          <Text className="detail__note" id="report-missing">
            数据不完整，{missingText(group.total.missing, system, schoolName)}
          </Text>
        ) : null}
      </Section>
      <Section title="各维度得分">
        <ScoreBars
          id="report-chart"
          bars={system.dimensions.map((d) => ({
            id: d.id,
            label: d.name,
            score: group.dimensions[d.id]?.score ?? null,
            missingLabel: missingLabelOf(d),
            note: `权重 ${d.weight}${group.dimensions[d.id]?.complete === false ? ' · 不完整' : ''}`,
          }))}
        />
      </Section>
      <Section title={`成员校（${schools.length}）`}>
        <SchoolTable schools={schools} system={system} />
      </Section>
    </View>
  );
}
