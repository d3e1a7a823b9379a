import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Answer } from '../../../../../shared';
import type { SurveyDraftContent } from '../../../../../shared/surveys/survey-draft';
import { Section } from '../../../components/section/Section';
import { QuestionField } from '../answer/QuestionField';
import { asPublished } from './builder-state';
import '../answer/index.scss';

/**
 * 预览: the survey as a respondent will see it, drawn by the answer page's own QuestionField, so
 * what the admin checks is what parents get. Taps choose as on the real page; nothing is sent.
 */
export function Preview({ content }: { content: SurveyDraftContent }) {
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const questions = content.questions.map(asPublished);
  const required = questions.filter((q) => q.required);
  const done = required.filter((q) => answers[q.id] !== undefined).length;
  const who = content.audience.respondents.includes('teacher') && !content.audience.respondents.includes('parent') ? '教师' : '家长';
  return (
    <View className="survey-answer builder-preview" id="preview-view">
      <Text className="builder-preview__note">预览：这是{who}打开问卷时看到的样子。可以点选试答，不会提交。</Text>
      <Section>
        <Text className="survey-answer__title">{content.title || '（未填写标题）'}</Text>
        {content.description ? <Text className="survey-answer__description">{content.description}</Text> : null}
        <Text className="survey-answer__progress" id="preview-progress">
          必答题已完成 {done}/{required.length}
        </Text>
      </Section>
      <Section>
        {questions.length === 0 ? <Text className="field__hint">还没有题目</Text> : null}
        {questions.map((q, i) => (
          <QuestionField
            key={q.id}
            index={i}
            question={q}
            answer={answers[q.id]}
            onChange={(a) =>
              setAnswers((current) => {
                const next = { ...current };
                if (a === undefined) delete next[q.id];
                else next[q.id] = a;
                return next;
              })
            }
          />
        ))}
      </Section>
    </View>
  );
}
