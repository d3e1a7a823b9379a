import { Button, Progress, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Answer } from '../../../../../shared';
import { ApiError, messageOf } from '../../../api/api-error';
import { getSurvey, submitResponse } from '../../../api/surveys';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { QuestionField } from './QuestionField';
import './index.scss';

type Phase = { kind: 'answering' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'refused'; message: string };

/** Answering a survey: progress, required marks, a draft on the device, a thank-you at the end. */
export default function AnswerSurveyPage() {
  const { params } = useRouter();
  const surveyId = params.id ?? '';
  const schoolId = params.school ?? '';
  const survey = useAsync(() => getSurvey(surveyId), [surveyId]);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => loadDraft(surveyId));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'answering' });

  useEffect(() => {
    if (phase.kind === 'answering') saveDraft(surveyId, answers);
  }, [answers, phase.kind, surveyId]);

  if (survey.status === 'loading') return <StatusView kind="loading" message="正在加载问卷…" />;
  if (survey.status === 'error') return <StatusView kind="error" message={survey.message} onRetry={survey.reload} />;
  if (phase.kind === 'done') return <StatusView kind="hint" message="提交成功，感谢您的参与！您的回答是匿名的。" />;
  if (phase.kind === 'refused') return <StatusView kind="hint" message={phase.message} />;

  const { definition } = survey.data;
  const required = definition.questions.filter((q) => q.required);
  const done = required.filter((q) => answers[q.id] !== undefined).length;
  const setAnswer = (id: string, answer: Answer | undefined) => {
    setAnswers((current) => {
      const next = { ...current };
      if (answer === undefined) delete next[id];
      else next[id] = answer;
      return next;
    });
    setProblems((current) => ({ ...current, [id]: '' }));
  };

  const submit = async () => {
    setPhase({ kind: 'sending' });
    try {
      await submitResponse(surveyId, schoolId, answers);
      clearDraft(surveyId);
      setPhase({ kind: 'done' });
    } catch (error) {
      if (error instanceof ApiError && (error.code === 'ALREADY_ANSWERED' || error.code === 'SURVEY_CLOSED')) {
        clearDraft(surveyId);
        setPhase({ kind: 'refused', message: error.message });
        return;
      }
      if (error instanceof ApiError && error.details) {
        setProblems(
          Object.fromEntries((error.details as Array<{ questionId: string; message: string }>).map((p) => [p.questionId, p.message])),
        );
      }
      setPhase({ kind: 'answering' });
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  return (
    <View className="page survey-answer">
      <Section>
        <Text className="survey-answer__title">{definition.title}</Text>
        {definition.description ? <Text className="survey-answer__description">{definition.description}</Text> : null}
        <Progress percent={required.length ? Math.round((done / required.length) * 100) : 100} strokeWidth={4} activeColor="#07c160" />
        <Text className="survey-answer__progress" id="survey-progress">
          必答题已完成 {done}/{required.length}
        </Text>
      </Section>
      <Section>
        {definition.questions.map((q, i) => (
          <QuestionField
            key={q.id}
            index={i}
            question={q}
            answer={answers[q.id]}
            problem={problems[q.id] || undefined}
            onChange={(a) => setAnswer(q.id, a)}
          />
        ))}
      </Section>
      <Button
        id="survey-submit"
        className="survey-answer__submit"
        disabled={phase.kind === 'sending' || done < required.length}
        onClick={() => void submit()}
      >
        {phase.kind === 'sending' ? '正在提交…' : '提交'}
      </Button>
    </View>
  );
}
