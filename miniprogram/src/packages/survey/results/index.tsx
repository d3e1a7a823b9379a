import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { UnitResult } from '../../../../../shared';
import { closeSurvey, getResults, getSurvey } from '../../../api/surveys';
import { messageOf } from '../../../api/api-error';
import { openExport } from '../../../api/export-file';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import './index.scss';

const LEVEL = { district: '区县', group: '集团', school: '学校' } as const;
const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);

function Bar({ value }: { value: number }) {
  return (
    <View className="bar">
      <View className="bar__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </View>
  );
}

/** One unit (district, group or school): responses, and each likert question's index and 满意率. */
function UnitCard({ unit, titles }: { unit: UnitResult; titles: Record<string, string> }) {
  return (
    <Section title={`${LEVEL[unit.level]} · ${unit.name}`} className={`unit unit--${unit.level}`}>
      <Text className="unit__responses" id={`responses-${unit.id}`}>
        {unit.responses.suppressed
          ? unit.responses.label
          : `答卷 ${unit.responses.n} 份${unit.responses.rate.rate === null ? '' : `，回收率 ${percent(unit.responses.rate.rate)}${unit.responses.rate.low ? '（低于 70%）' : ''}`}`}
      </Text>
      {Object.entries(unit.questions).map(([qid, cell]) =>
        cell.suppressed ? (
          <Text key={qid} className="unit__question unit__question--hidden">
            {titles[qid]}：{cell.label}
          </Text>
        ) : cell.type === 'likert' ? (
          <View key={qid} className="unit__question">
            <Text>
              {titles[qid]}：指数 {cell.index.index?.toFixed(1) ?? '—'}，满意率 {percent(cell.satisfaction.rate)}
              {cell.meetsThreshold === false ? '（低于 85%）' : ''}
            </Text>
            <Bar value={cell.index.index ?? 0} />
          </View>
        ) : null,
      )}
    </Section>
  );
}

export default function SurveyResultsPage() {
  const { params } = useRouter();
  const results = useAsync(async () => {
    const [data, survey] = await Promise.all([getResults(params.id ?? ''), getSurvey(params.id ?? '')]);
    return {
      ...data,
      status: survey.status,
      titles: Object.fromEntries(survey.definition.questions.map((q, i) => [q.id, `${i + 1}. ${q.title}`])),
    };
  }, [params.id]);
  if (results.status === 'loading') return <StatusView kind="loading" message="正在统计…" />;
  if (results.status === 'error') return <StatusView kind="error" message={results.message} onRetry={results.reload} />;
  const { titles } = results.data;
  return (
    <View className="page survey-results">
      <Section>
        <Text className="survey-results__title">{results.data.title}</Text>
        <Text className="survey-results__note">少于 {results.data.minN} 份的单元显示“样本不足”，以保护匿名</Text>
        <Button
          id="survey-export"
          size="mini"
          onClick={() =>
            void openExport(`/admin/surveys/${encodeURIComponent(results.data.surveyId)}/export`, `${results.data.title}.xlsx`).catch((e) =>
              Taro.showToast({ title: messageOf(e), icon: 'none' }),
            )
          }
        >
          导出 Excel
        </Button>
        {results.data.status === 'open' ? (
          <Button
            id="survey-close"
            size="mini"
            onClick={() =>
              void closeSurvey(results.data.surveyId).then(results.reload, (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
            }
          >
            结束问卷
          </Button>
        ) : null}
      </Section>
      {results.data.units.map((unit) => (
        <UnitCard key={`${unit.level}:${unit.id}`} unit={unit} titles={titles} />
      ))}
    </View>
  );
}
