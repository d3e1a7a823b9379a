import { Text, View } from '@tarojs/components';
import type { Question, UnitResult } from '../../../../../shared';
import { Section } from '../../../components/section/Section';
import { questionText, returnRateText } from './results-text';

const LEVEL = { district: '区县', group: '集团', school: '学校' } as const;

function Bar({ value }: { value: number }) {
  return (
    <View className="bar">
      <View className="bar__fill" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
    </View>
  );
}

/** One unit (district, group or school): responses and valid return rate, then each question; hidden cells read 样本不足. */
export function UnitCard({ unit, questions }: { unit: UnitResult; questions: Question[] }) {
  const number = (qid: string) => questions.findIndex((q) => q.id === qid) + 1;
  const title = (qid: string) => `${number(qid)}. ${questions.find((q) => q.id === qid)?.title ?? qid}`;
  return (
    <Section title={`${LEVEL[unit.level]} · ${unit.name}`} className={`unit unit--${unit.level}`}>
      <Text className="unit__responses" id={`responses-${unit.id}`}>
        {unit.responses.suppressed ? unit.responses.label : `答卷 ${unit.responses.n} 份`}
      </Text>
      {unit.responses.suppressed ? null : (
        <Text className="unit__rate" id={`rate-${unit.id}`}>
          {returnRateText(unit.level, unit.responses.rate)}
        </Text>
      )}
      {Object.entries(unit.questions).map(([qid, cell]) =>
        cell.suppressed ? (
          <Text key={qid} className="unit__question unit__question--hidden" id={`question-${unit.id}-${qid}`}>
            {title(qid)}：{cell.label}
          </Text>
        ) : (
          <View key={qid} className="unit__question" id={`question-${unit.id}-${qid}`}>
            <Text>
              {title(qid)}：
              {questionText(
                cell,
                questions.find((q) => q.id === qid),
              )}
            </Text>
            {cell.type === 'likert' ? <Bar value={cell.index.index ?? 0} /> : null}
          </View>
        ),
      )}
    </Section>
  );
}
