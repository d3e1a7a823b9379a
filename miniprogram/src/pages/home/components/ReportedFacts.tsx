import { Text, View } from '@tarojs/components';
import type { DistrictSummary } from '../../../../../shared';
import { reportedFactsLine, reportedFactsSource } from '../reported-facts';

/**
 * A district's published figures (海淀: 36 groups, 140+ sites), shown above its schools. They
 * are the district's numbers, not counts of what is listed here, and the card says so: 海淀's
 * list holds only the few schools its document names.
 */
export function ReportedFacts({ district }: { district: DistrictSummary }) {
  if (!district.reported) return null;
  return (
    <View className="reported-facts" id="reported-facts">
      <Text className="reported-facts__title">{`${district.city}${district.name}公布的集团化办学规模`}</Text>
      <Text className="reported-facts__line" id="reported-facts-line">
        {reportedFactsLine(district.reported)}
      </Text>
      <Text className="reported-facts__note">以上为该区公布的数字，并非本平台收录的集团和学校数量。</Text>
      <Text className="reported-facts__source" id="reported-facts-source">
        {reportedFactsSource(district.reported)}
      </Text>
    </View>
  );
}
