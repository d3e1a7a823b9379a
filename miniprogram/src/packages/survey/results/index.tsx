import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { closeSurvey, getResults, getSurvey } from '../../../api/surveys';
import { messageOf } from '../../../api/api-error';
import { openExport } from '../../../api/export-file';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { snapshotText } from './results-text';
import { TextAnswersSection } from './TextAnswers';
import { UnitCard } from './UnitCard';
import './index.scss';

/** A survey's results from the published snapshot: when it was taken, the 认可 rule and its source, then each unit. */
export default function SurveyResultsPage() {
  const { params } = useRouter();
  const results = useAsync(async () => {
    const [data, survey] = await Promise.all([getResults(params.id ?? ''), getSurvey(params.id ?? '')]);
    return {
      ...data,
      status: survey.status,
      questions: survey.definition.questions,
    };
  }, [params.id]);
  if (results.status === 'loading') return <StatusView kind="loading" message="正在统计…" />;
  if (results.status === 'error') return <StatusView kind="error" message={results.message} onRetry={results.reload} />;
  const { questions, recognition } = results.data;
  return (
    <View className="page survey-results">
      <Section>
        <Text className="survey-results__title">{results.data.title}</Text>
        <Text className="survey-results__snapshot" id="survey-snapshot">
          {snapshotText(results.data.snapshot)}
        </Text>
        <Text className="survey-results__note">少于 {results.data.minN} 份的单元显示“样本不足”，以保护匿名</Text>
        <Text className="survey-results__note" id="survey-recognition">
          认可口径：{recognition.label}
        </Text>
        <Text className="survey-results__source" id="survey-recognition-source">
          依据：{recognition.source}
        </Text>
        <View className="button-row survey-results__actions">
          <Button
            id="survey-export"
            className="button-row__button"
            size="mini"
            onClick={() =>
              void openExport(`/admin/surveys/${encodeURIComponent(results.data.surveyId)}/export`, `${results.data.title}.xlsx`).catch(
                (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }),
              )
            }
          >
            导出 Excel
          </Button>
          <Button
            id="survey-progress-link"
            className="button-row__button"
            size="mini"
            onClick={() => void Taro.navigateTo({ url: `/packages/survey/progress/index?id=${encodeURIComponent(results.data.surveyId)}` })}
          >
            各校回收进度
          </Button>
          {questions.some((q) => q.type === 'text') ? (
            <Button
              id="survey-moderation-link"
              className="button-row__button"
              size="mini"
              onClick={() => void Taro.navigateTo({ url: `/packages/survey/moderation/index?id=${encodeURIComponent(results.data.surveyId)}` })}
            >
              文字审核
            </Button>
          ) : null}
          {results.data.status === 'open' ? (
            <Button
              id="survey-close"
              className="button-row__button"
              size="mini"
              onClick={() =>
                void closeSurvey(results.data.surveyId).then(results.reload, (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }))
              }
            >
              结束问卷
            </Button>
          ) : null}
        </View>
      </Section>
      <View className="survey-results__units">
        {results.data.units.map((unit) => (
          <UnitCard key={`${unit.level}:${unit.id}`} unit={unit} questions={questions} />
        ))}
      </View>
      <TextAnswersSection questions={questions} texts={results.data.texts ?? {}} />
    </View>
  );
}
