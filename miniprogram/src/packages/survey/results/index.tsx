import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { closeSurvey, getResults, getSurvey } from '../../../api/surveys';
import { messageOf } from '../../../api/api-error';
import { openExport } from '../../../api/export-file';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
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
  // Back from 文字审核 or 回收进度: what was approved there shows at once, not on the next visit.
  useReshow(results.refresh);
  if (results.status === 'loading') return <StatusView kind="loading" message="正在统计…" />;
  if (results.status === 'error') return <StatusView kind="error" message={results.message} onRetry={results.reload} />;
  const { questions, recognition } = results.data;
  // Closing cannot be undone (no answer is taken after it), so it asks first.
  const close = async () => {
    const { confirm } = await Taro.showModal({
      title: '结束问卷？',
      content: '结束后家长将不能再填写，结果按已收到的答卷定稿。',
      confirmText: '结束问卷',
      cancelText: '取消',
    });
    if (!confirm) return;
    await closeSurvey(results.data.surveyId).then(results.reload, (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }));
  };
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
        {/* Views, not mini Buttons: an H5 mini button keeps a fixed 13 px font that is tiny on a desktop. */}
        <View className="survey-results__actions">
          <View
            id="survey-export"
            className="results-action"
            onClick={() =>
              void openExport(`/admin/surveys/${encodeURIComponent(results.data.surveyId)}/export`, `${results.data.title}.xlsx`).catch(
                (e) => Taro.showToast({ title: messageOf(e), icon: 'none' }),
              )
            }
          >
            导出 Excel
          </View>
          <View
            id="survey-progress-link"
            className="results-action"
            onClick={() => void Taro.navigateTo({ url: `/packages/survey/progress/index?id=${encodeURIComponent(results.data.surveyId)}` })}
          >
            各校回收进度
          </View>
          {questions.some((q) => q.type === 'text') ? (
            <View
              id="survey-moderation-link"
              className="results-action"
              onClick={() =>
                void Taro.navigateTo({ url: `/packages/survey/moderation/index?id=${encodeURIComponent(results.data.surveyId)}` })
              }
            >
              文字审核
            </View>
          ) : null}
          {results.data.status === 'open' ? (
            <View id="survey-close" className="results-action results-action--danger" onClick={() => void close()}>
              结束问卷
            </View>
          ) : null}
        </View>
      </Section>
      {/* The district first, then its texts (so they are not below 24 schools), then groups and schools. */}
      <View className="survey-results__units">
        {results.data.units
          .filter((unit) => unit.level === 'district')
          .map((unit) => (
            <UnitCard key={`${unit.level}:${unit.id}`} unit={unit} questions={questions} />
          ))}
      </View>
      <TextAnswersSection questions={questions} texts={results.data.texts ?? {}} />
      <View className="survey-results__units">
        {results.data.units
          .filter((unit) => unit.level !== 'district')
          .map((unit) => (
            <UnitCard key={`${unit.level}:${unit.id}`} unit={unit} questions={questions} />
          ))}
      </View>
    </View>
  );
}
