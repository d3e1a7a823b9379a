import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Question, TextForReview } from '../../../../../shared';
import { fieldErrors } from '../../../api/field-errors';
import { messageOf } from '../../../api/api-error';
import { approveSurveyText, getSurvey, listSurveyTexts, rejectSurveyText } from '../../../api/surveys';
import { FieldError } from '../../../components/field-error/FieldError';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import './index.scss';

const STATUS = { visible: '已公开', rejected: '已拒绝', held: '待审核' } as const;

/**
 * 文字审核: each held free text with 通过 and 拒绝, shown without school or date so nothing ties a
 * text to a parent. 通过 publishes it on the results page; 拒绝 is final (never published, never
 * approvable later) and asks first. A server's field message (the text's ref) shows under that text.
 */
export default function SurveyModerationPage() {
  const { params } = useRouter();
  const surveyId = params.id ?? '';
  const data = useAsync(async () => {
    const [texts, survey] = await Promise.all([listSurveyTexts(surveyId), getSurvey(surveyId)]);
    return { items: texts.items, title: survey.definition.title, questions: survey.definition.questions };
  }, [surveyId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});

  if (data.status === 'loading') return <StatusView kind="loading" message="正在读取文字意见…" />;
  if (data.status === 'error') return <StatusView kind="error" message={data.message} onRetry={data.reload} />;
  const { items, questions, title } = data.data;
  const held = items.filter((t) => t.status === 'held');
  const done = items.filter((t) => t.status !== 'held');
  const count = (status: TextForReview['status']) => items.filter((t) => t.status === status).length;

  const decide = async (text: TextForReview, verdict: 'approve' | 'reject') => {
    if (verdict === 'reject') {
      const { confirm } = await Taro.showModal({
        title: '拒绝这条文字？',
        content: '拒绝后这条文字不会在结果中公开，之后也不能再通过。',
        confirmText: '拒绝',
        cancelText: '再想想',
      });
      if (!confirm) return;
    }
    setBusy(text.ref);
    try {
      await (verdict === 'approve' ? approveSurveyText(surveyId, text.ref) : rejectSurveyText(surveyId, text.ref));
      setErrors(({ [text.ref]: _done, ...rest }) => rest);
      void Taro.showToast({ title: verdict === 'approve' ? '已通过，将在结果中公开' : '已拒绝', icon: 'none' });
      data.refresh();
    } catch (error) {
      const fields = fieldErrors(error);
      setErrors((all) => ({ ...all, [text.ref]: Object.keys(fields).length > 0 ? fields : { ref: messageOf(error) } }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="page survey-moderation">
      <Section>
        <Text className="survey-moderation__title">{title}</Text>
        <Text className="survey-moderation__note">
          以下文字不显示学校和提交时间，以免认出填写人。“通过”后在结果页公开（与这份答卷所在批次的统计数据一同公开）；“拒绝”后永不公开，也不能再通过。
        </Text>
        <Text className="survey-moderation__counts" id="moderation-counts">
          待审核 {count('held')} 条 · 已公开 {count('visible')} 条 · 已拒绝 {count('rejected')} 条
        </Text>
      </Section>
      <Section title={`待审核（${held.length}）`}>
        {held.length === 0 ? <Text className="survey-moderation__empty">没有待审核的文字</Text> : null}
        {held.map((text) => (
          <View key={text.ref} className="held-text" id={`held-${text.ref.replace(/\./g, '-')}`}>
            <Text className="held-text__question">{questionTitle(questions, text.questionId)}</Text>
            <Text className="held-text__body">{text.text}</Text>
            <FieldError field="ref" errors={errors[text.ref] ?? {}} />
            <View className="held-text__actions">
              {/* Views, not Buttons: the app's global button style paints H5 buttons green with white text. */}
              <View
                className={`held-text__approve${busy !== null ? ' held-text__action--busy' : ''}`}
                onClick={() => busy === null && void decide(text, 'approve')}
              >
                {busy === text.ref ? '处理中…' : '通过'}
              </View>
              <View
                className={`held-text__reject${busy !== null ? ' held-text__action--busy' : ''}`}
                onClick={() => busy === null && void decide(text, 'reject')}
              >
                拒绝
              </View>
            </View>
          </View>
        ))}
      </Section>
      {done.length > 0 ? (
        <Section title={`已处理（${done.length}）`}>
          {done.map((text) => (
            <View key={text.ref} className={`done-text done-text--${text.status}`}>
              <Text className={`done-text__status done-text__status--${text.status}`}>{STATUS[text.status]}</Text>
              <Text className="done-text__body">{text.text}</Text>
            </View>
          ))}
        </Section>
      ) : null}
    </View>
  );
}

function questionTitle(questions: Question[], id: string): string {
  const index = questions.findIndex((q) => q.id === id);
  return index < 0 ? id : `${index + 1}. ${questions[index].title}`;
}
