import { Button, Progress, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Answer } from '../../../../../shared';
import { ApiError, messageOf } from '../../../api/api-error';
import { isRetryable } from '../../../api/request';
import { getSurvey } from '../../../api/surveys';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { requireId } from '../../../hooks/usePageId';
import { SharePanel } from '../../../components/share/SharePanel';
import { useShareCard } from '../../../components/share/use-share-card';
import { surveyCard } from '../../../utils/share/page-cards';
import { clearDraft, loadDraft, saveDraft } from './draft';
import { QuestionField } from './QuestionField';
import { useAnswerTarget } from './answer-target';
import { useSchoolBinding } from './school-binding';
import { SchoolChooser } from './SchoolChooser';
import { SchoolConfirm } from './SchoolConfirm';
import { ReminderConsent } from '../components/ReminderConsent';
import { submitAnswers, type SubmitAnswer } from './submit-answer';
import './index.scss';

type Phase =
  | { kind: 'answering' }
  | { kind: 'sending' }
  /** The service or network failed: the answers stay on the device until 重新提交 gets through. */
  | { kind: 'unsent' }
  | { kind: 'done'; answer: SubmitAnswer }
  | { kind: 'refused'; message: string };

const THANKS = '提交成功，感谢您的参与！您的回答是匿名的。';
export const UNSENT_MESSAGE = '网络或服务暂时不可用，您的答案已保存在本机';

/**
 * Opened from a link (id and school), a mini-program code (scene) or a link without a school,
 * where the parent chooses the school first.
 */
export default function AnswerSurveyPage() {
  const { params } = useRouter();
  const target = useAnswerTarget(params);
  const [chosen, setChosen] = useState('');
  if (target.status === 'loading') return <StatusView kind="loading" message="正在打开问卷…" />;
  if (target.status === 'error') return <StatusView kind="error" message={target.message} onRetry={target.reload} />;
  const schoolId = target.data.schoolId || chosen;
  // A new school is a new draft and a new binding check: remount rather than carry state over.
  return <AnswerSurvey key={schoolId} surveyId={target.data.surveyId} schoolId={schoolId} onChooseSchool={setChosen} />;
}

/** Answering a survey: progress, required marks, a draft on the device, a thank-you at the end. */
function AnswerSurvey({
  surveyId,
  schoolId,
  onChooseSchool,
}: {
  surveyId: string;
  schoolId: string;
  onChooseSchool: (id: string) => void;
}) {
  const survey = useAsync(async () => (requireId(surveyId, '问卷'), getSurvey(surveyId)), [surveyId]);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() => loadDraft(surveyId, schoolId));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [phase, setPhase] = useState<Phase>({ kind: 'answering' });
  const school = useSchoolBinding(schoolId);
  /** The server's SCHOOL_NOT_BOUND message, shown beside the submit button. */
  const [notBound, setNotBound] = useState('');
  // Chat only, no 朋友圈: 朋友圈 opens pages in 单页模式, without the login an answer needs.
  const card = surveyCard(surveyId, schoolId, {
    title: survey.status === 'ready' ? survey.data.definition.title : undefined,
    schoolName: school.status === 'ready' ? school.name : undefined,
  });
  useShareCard(card);

  useEffect(() => {
    if (phase.kind === 'answering' && survey.status === 'ready') saveDraft(surveyId, schoolId, answers, survey.data.definition.closesAt);
  }, [answers, phase.kind, surveyId, schoolId, survey]);

  if (survey.status === 'loading') return <StatusView kind="loading" message="正在加载问卷…" />;
  if (survey.status === 'error') {
    const { message, retryable, retryAfterSeconds, reload } = survey;
    return <StatusView kind="error" message={message} onRetry={reload} retryable={retryable} retryAfterSeconds={retryAfterSeconds} />;
  }
  if (phase.kind === 'done') return <Thanks answer={phase.answer} questionIds={survey.data.definition.questions.map((q) => q.id)} />;
  if (phase.kind === 'refused') return <StatusView kind="hint" message={phase.message} />;

  const { definition } = survey.data;
  if (!schoolId) {
    return (
      <View className="page survey-answer">
        <Section>
          <Text className="survey-answer__title">{definition.title}</Text>
          <SchoolChooser districtId={definition.audience.districtId} onChoose={onChooseSchool} />
        </Section>
      </View>
    );
  }
  const required = definition.questions.filter((q) => q.required);
  // Submitting waits for 确认并绑定该学校; if the binding could not be read, the server decides.
  const unbound = school.status === 'ready' && !school.bound;
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
    // A disabled button still takes taps on some renderers (H5's web components): the page decides.
    if (unbound) return;
    const resending = phase.kind === 'unsent';
    setPhase({ kind: 'sending' });
    setNotBound('');
    try {
      const answer = await submitAnswers(surveyId, schoolId, answers);
      clearDraft(surveyId, schoolId);
      setPhase({ kind: 'done', answer });
    } catch (error) {
      if (isRetryable(error)) {
        // The draft is on the device already; a resend carries the same answers.
        saveDraft(surveyId, schoolId, answers, definition.closesAt);
        setPhase({ kind: 'unsent' });
        return;
      }
      // Submission is once per parent: after a lost answer, ALREADY_ANSWERED means the resend's first try got through.
      if (error instanceof ApiError && error.code === 'ALREADY_ANSWERED' && resending) {
        clearDraft(surveyId, schoolId);
        setPhase({ kind: 'done', answer: { ok: true } });
        return;
      }
      if (error instanceof ApiError && (error.code === 'ALREADY_ANSWERED' || error.code === 'SURVEY_CLOSED')) {
        clearDraft(surveyId, schoolId);
        setPhase({ kind: 'refused', message: error.message });
        return;
      }
      if (error instanceof ApiError && error.code === 'SCHOOL_NOT_BOUND') {
        if (school.status === 'ready') school.markUnbound();
        setNotBound(error.message);
        setPhase({ kind: 'answering' });
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
        <SchoolConfirm binding={school} />
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
      {phase.kind === 'unsent' ? (
        <Text className="survey-answer__unsent" id="survey-unsent">
          {UNSENT_MESSAGE}
        </Text>
      ) : null}
      {phase.kind === 'answering' ? (
        <View className="survey-answer__remind">
          <ReminderConsent surveyId={surveyId} />
        </View>
      ) : null}
      <Button
        id="survey-submit"
        className="survey-answer__submit"
        disabled={phase.kind === 'sending' || done < required.length || unbound || undefined}
        onClick={() => void submit()}
      >
        {phase.kind === 'sending' ? '正在提交…' : phase.kind === 'unsent' ? '重新提交' : '提交'}
      </Button>
      {notBound ? (
        <Text className="survey-answer__not-bound" id="survey-not-bound">
          {notBound}
        </Text>
      ) : null}
      <SharePanel card={card} />
    </View>
  );
}

/** The thank-you, with the server's message and which questions' texts were not kept. */
function Thanks({ answer, questionIds }: { answer: SubmitAnswer; questionIds: string[] }) {
  const receipt = 'refusedTexts' in answer ? answer : null;
  const refused = (receipt?.refusedTexts ?? []).map((id) => `第 ${questionIds.indexOf(id) + 1} 题`);
  return (
    <View className="survey-answer__thanks">
      <StatusView kind="hint" message={receipt?.message ?? THANKS} />
      {refused.length > 0 ? (
        <Text className="survey-answer__refused" id="survey-refused">
          部分文字内容未通过安全检查，未被保存：{refused.join('、')}
        </Text>
      ) : null}
    </View>
  );
}
