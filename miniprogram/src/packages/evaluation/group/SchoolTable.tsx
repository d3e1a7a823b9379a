import { Text, View } from '@tarojs/components';
import { missingText, type IndicatorSystem, type SchoolReport } from '../../../../../shared';
import { ListRow } from '../../../components/list-row/ListRow';
import { changeText, missingLabelOf, scoreText } from '../../../utils/score';

/** 成员校: each school's total, 增值 and its dimension scores (数据不足 / 未录入 where missing). */
export function SchoolTable({ schools, system }: { schools: SchoolReport[]; system: IndicatorSystem }) {
  return (
    <View id="member-scores">
      {schools.map((s) => (
        <ListRow
          key={s.id}
          className="member-score"
          title={s.name}
          extra={<Text className="member-score__total">{scoreText(s.total.score)}</Text>}
          meta={`${s.total.complete ? '' : `数据不完整（${missingText(s.total.missing, system, (id) => id)}）· `}${changeText(s)}`}
        >
          <View className="member-score__dimensions">
            {system.dimensions.map((d) => (
              <Text key={d.id} className="member-score__dimension">
                {d.name} {s.dimensions[d.id]?.score === null ? missingLabelOf(d) : scoreText(s.dimensions[d.id]?.score)}
              </Text>
            ))}
          </View>
        </ListRow>
      ))}
    </View>
  );
}
