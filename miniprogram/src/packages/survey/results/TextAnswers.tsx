import { Text, View } from '@tarojs/components';
import type { Question, TextAnswers } from '../../../../../shared';
import { Section } from '../../../components/section/Section';

/**
 * The published free texts of each text question, for the whole survey: no school, no date, in
 * the server's order (by text, not arrival). Held texts wait in 文字审核 and rejected ones never
 * appear; a text shows once the published snapshot counts its response (it arrives in a batch
 * with the numbers, so it cannot be told apart as the newest); while the district's count is
 * hidden the texts are 样本不足 too.
 */
export function TextAnswersSection({ questions, texts }: { questions: Question[]; texts: Record<string, TextAnswers> }) {
  const asked = questions.map((q, i) => ({ q, number: i + 1 })).filter(({ q }) => q.type === 'text');
  if (asked.length === 0) return null;
  return (
    <Section title="文字意见（已审核公开）" className="text-answers">
      <Text className="text-answers__note">
        仅显示通过审核的文字，不显示学校和时间；文字随所在学校的统计数据一起分批公开。待审核的文字请在“文字审核”中处理
      </Text>
      {asked.map(({ q, number }) => {
        const cell = texts[q.id];
        return (
          <View key={q.id} className="text-answers__question" id={`texts-${q.id}`}>
            <Text className="unit__question-title">
              {number}. {q.title}
            </Text>
            {!cell || cell.suppressed ? (
              <Text className="unit__hidden">样本不足</Text>
            ) : cell.items.length === 0 ? (
              <Text className="text-answers__empty">暂无公开的文字意见</Text>
            ) : (
              <View>
                <Text className="text-answers__count">共 {cell.items.length} 条</Text>
                {cell.items.map((text, i) => (
                  <Text key={i} className="text-answers__item">
                    {text}
                  </Text>
                ))}
              </View>
            )}
          </View>
        );
      })}
    </Section>
  );
}
