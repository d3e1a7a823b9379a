import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { coverageHeadline, someOf, type CoverageSummary } from './coverage';

/** What is missing where: per indicator the schools without a score, and those without 在校家庭数. */
export function CoverageList({ summary, id }: { summary: CoverageSummary; id: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? Infinity : 5;
  // Missing everywhere: the 24 names would say nothing the count does not.
  const names = (schools: string[]) => (schools.length === summary.schools ? `全部 ${summary.schools} 所学校都缺` : someOf(schools, shown));
  const listed = [...summary.byIndicator.map((i) => i.schools), summary.noEnrollment].filter((s) => s.length < summary.schools);
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
          <Text className="coverage__schools">{names(i.schools)}</Text>
        </View>
      ))}
      {summary.noEnrollment.length ? (
        <View className="coverage__row">
          <Text className="coverage__label">在校家庭数</Text>
          <Text className="coverage__count">缺 {summary.noEnrollment.length} 所</Text>
          <Text className="coverage__schools">{names(summary.noEnrollment)}</Text>
        </View>
      ) : null}
      {!all && listed.some((s) => s.length > 5) ? (
        <Text className="coverage__more" onClick={() => setAll(true)}>
          显示全部学校
        </Text>
      ) : null}
    </View>
  );
}
