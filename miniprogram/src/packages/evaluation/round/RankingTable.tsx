import { Text, View } from '@tarojs/components';
import type { GroupReport } from '../../../../../shared';
import { flagTexts, scoreText } from '../../../utils/score';

const signed = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : ''}${x.toFixed(1)}`);

/** 全区集团排名: rank, group, bundled total with its warnings, and 增值; tap a row for its report. */
export function RankingTable({ groups, onOpen }: { groups: GroupReport[]; onOpen: (groupId: string) => void }) {
  const ranked = [...groups].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name, 'zh-CN'));
  return (
    <View className="ranking" id="ranking-table">
      <View className="ranking__row ranking__row--head">
        <Text className="ranking__rank">名次</Text>
        <Text className="ranking__name">集团</Text>
        <Text className="ranking__score">总分</Text>
        <Text className="ranking__delta">增值</Text>
      </View>
      {ranked.map((g) => (
        <View key={g.id} className="ranking__row" id={`ranking-${g.id}`} onClick={() => onOpen(g.id)}>
          <Text className="ranking__rank">{g.rank ?? '未排名'}</Text>
          <View className="ranking__name">
            <Text>{g.name}</Text>
            {flagTexts(g.flags).map((flag) => (
              <Text key={flag} className="ranking__flag">
                {flag}
              </Text>
            ))}
          </View>
          <Text className="ranking__score">{g.total.score === null ? '数据不完整' : scoreText(g.total.score)}</Text>
          <Text className="ranking__delta">{signed(g.delta)}</Text>
        </View>
      ))}
    </View>
  );
}
