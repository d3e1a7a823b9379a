import { Text, View } from '@tarojs/components';
import { scoreText } from '../../utils/score';
import './score-bars.scss';

export interface ScoreBar {
  id: string;
  label: string;
  score: number | null;
  /** e.g. "权重 20" or "不完整". */
  note?: string;
  /** What a missing score is called: 数据不足 (too few answers) unless told, e.g. 未录入. */
  missingLabel?: string;
}

/**
 * A horizontal bar chart of 0–100 scores drawn with views, so it renders the same in WeChat and
 * H5 without a canvas library in the package. A missing score is named (数据不足 / 未录入), not drawn
 * as an empty bar that would read as zero.
 */
export function ScoreBars({ bars, id }: { bars: ScoreBar[]; id?: string }) {
  return (
    <View className="score-bars" id={id}>
      {bars.map((bar) => (
        <View key={bar.id} className="score-bars__row" id={`bar-${bar.id}`}>
          <View className="score-bars__head">
            <Text className="score-bars__label">{bar.label}</Text>
            <Text className={`score-bars__value${bar.score === null ? ' score-bars__value--missing' : ''}`}>
              {bar.score === null ? (bar.missingLabel ?? '数据不足') : scoreText(bar.score)}
            </Text>
          </View>
          <View className="score-bars__track">
            {bar.score === null ? null : (
              <View className="score-bars__fill" style={{ width: `${Math.max(0, Math.min(100, bar.score))}%` }} />
            )}
          </View>
          {bar.note ? <Text className="score-bars__note">{bar.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
