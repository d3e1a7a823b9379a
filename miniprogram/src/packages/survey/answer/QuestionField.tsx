import { Text, Textarea, View } from '@tarojs/components';
import type { Answer, Question } from '../../../../../shared';
import { TEXT_ANSWER_MAX } from '../../../../../shared/limits';

interface Props {
  index: number;
  question: Question;
  answer: Answer | undefined;
  problem?: string;
  onChange: (answer: Answer | undefined) => void;
}

interface Choice {
  key: string;
  label: string;
  selected: boolean;
  pick: () => void;
}

function choices(question: Question, answer: Answer | undefined, onChange: Props['onChange']): Choice[] {
  switch (question.type) {
    case 'likert': {
      // Labels run from the most favourable (value k) down to 1.
      const k = question.labels.length;
      const options = question.labels.map((label, i) => ({
        key: String(k - i),
        label,
        selected: answer !== undefined && 'likert' in answer && answer.likert === k - i,
        pick: () => onChange({ likert: k - i }),
      }));
      if (!question.allowUnknown) return options;
      return [
        ...options,
        { key: 'unknown', label: '不了解', selected: answer !== undefined && 'unknown' in answer, pick: () => onChange({ unknown: true }) },
      ];
    }
    case 'single':
      return question.options.map((o) => ({
        key: o.id,
        label: o.label,
        selected: answer !== undefined && 'choice' in answer && answer.choice === o.id,
        pick: () => onChange({ choice: o.id }),
      }));
    case 'multiple': {
      const chosen = answer !== undefined && 'choices' in answer ? answer.choices : [];
      return question.options.map((o) => ({
        key: o.id,
        label: o.label,
        selected: chosen.includes(o.id),
        pick: () => onChange({ choices: chosen.includes(o.id) ? chosen.filter((c) => c !== o.id) : [...chosen, o.id] }),
      }));
    }
    case 'nps':
      return Array.from({ length: 11 }, (_, score) => ({
        key: String(score),
        label: String(score),
        selected: answer !== undefined && 'nps' in answer && answer.nps === score,
        pick: () => onChange({ nps: score }),
      }));
    case 'text':
      return [];
  }
}

/** One question: its title (with * when required), its options or text box, and its problem. */
export function QuestionField({ index, question, answer, problem, onChange }: Props) {
  return (
    <View className={`question${problem ? ' question--problem' : ''}`} id={`question-${question.id}`}>
      <Text className="question__title">
        {index + 1}. {question.title}
        {question.required ? <Text className="question__required"> *</Text> : null}
      </Text>
      {question.type === 'text' ? (
        <Textarea
          className="question__text"
          maxlength={TEXT_ANSWER_MAX}
          placeholder={`选填，最多 ${TEXT_ANSWER_MAX} 字`}
          value={answer !== undefined && 'text' in answer ? answer.text : ''}
          onInput={(e) => onChange(e.detail.value ? { text: e.detail.value } : undefined)}
        />
      ) : (
        <View className={`question__choices question__choices--${question.type}`}>
          {choices(question, answer, onChange).map((c) => (
            <Text key={c.key} className={`choice${c.selected ? ' choice--selected' : ''}`} onClick={c.pick}>
              {c.label}
            </Text>
          ))}
        </View>
      )}
      {problem ? <Text className="question__problem">{problem}</Text> : null}
    </View>
  );
}
