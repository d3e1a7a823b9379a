import { View } from '@tarojs/components';
import type { MySurvey } from '../../../../../shared';
import { listMySurveys } from '../../../api/surveys';
import { ListRow } from '../../../components/list-row/ListRow';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { useReshow } from '../../../hooks/useReshow';
import { answerPageUrl, openPage } from '../../../utils/routes';
import { beijingTime } from '../../../utils/time';
import { ReminderConsent } from '../components/ReminderConsent';

const STATE: Record<MySurvey['status'], string> = { scheduled: '未开始', open: '进行中', closed: '已截止' };

/** 我的问卷: the surveys of my schools (a teacher's: their school's teacher surveys), open / answered / closed. */
export default function MySurveysPage() {
  const surveys = useAsync(listMySurveys, []);
  // Back from answering: show 已提交 at once.
  useReshow(surveys.reload);
  if (surveys.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (surveys.status === 'error') return <StatusView kind="error" message={surveys.message} onRetry={surveys.reload} />;
  if (surveys.data.items.length === 0) return <StatusView kind="empty" message="你绑定的学校暂时没有问卷" />;
  return (
    <View className="page">
      <Section>
        {surveys.data.items.map((s) => {
          const canAnswer = s.status === 'open' && !s.answered;
          return (
            // The consent sits below the row, not inside it: a tap on the row always opens the survey.
            <View key={s.id}>
              <ListRow
                className="survey-item"
                titleClassName="survey-item__title"
                title={s.title}
                meta={`${s.answered ? '已提交' : STATE[s.status]} · 截止 ${beijingTime(s.closesAt)}`}
                onTap={canAnswer ? () => openPage(answerPageUrl(s.id, s.schoolIds[0])) : undefined}
              />
              {canAnswer ? <ReminderConsent surveyId={s.id} /> : null}
            </View>
          );
        })}
      </Section>
    </View>
  );
}
