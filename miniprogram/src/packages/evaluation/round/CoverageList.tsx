import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { coverageHeadline, someOf, type CoverageSummary } from './coverage';

/** What is missing where: per indicator the schools without a score, and those without 在校家庭数. */
export function CoverageList({ summary, id }: { summary: CoverageSummary; id: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? Infinity : 5;
  return (
    <View className="coverage" id={id}>
      <Text className="coverage__headline">{coverageHeadline(summary)}</Text>
      {summary.byIndicator.map((i) => (
        <View key={i.key} className="coverage__row">
          <Text className="coverage__label">
            {i.label}
            {i.source === 'survey' ? '（问卷数据不足）' : ''}
          </Text>
          <Text className="coverage__count">缺 {i.schools.length} 所</Text>
          <Text className="coverage__schools">{someOf(i.schools, shown)}</Text>
        </View>
      ))}
      {summary.noEnrollment.length ? (
        <View className="coverage__row">
          <Text className="coverage__label">在校家庭数</Text>
          <Text className="coverage__count">缺 {summary.noEnrollment.length} 所</Text>
          <Text className="coverage__schools">{someOf(summary.noEnrollment, shown)}</Text>
        </View>
      ) : null}
      {!all && [...summary.byIndicator.map((i) => i.schools), summary.noEnrollment].some((s) => s.length > 5) ? (
        <Text className="coverage__more" onClick={() => setAll(true)}>
          显示全部学校
        </Text>
      ) : null}
    </View>
  );
}
