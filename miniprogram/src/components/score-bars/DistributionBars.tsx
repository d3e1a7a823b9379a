import { Text, View } from '@tarojs/components';
import './distribution-bars.scss';

export interface DistributionRow {
  id: string;
  label: string;
  count: number;
  /** 0–1 of the row's base (answers, or respondents for multiple choice); null when the base is 0. */
  share: number | null;
  /** Colour family: favourable, middle, unfavourable or neutral (the default). */
  tone?: 'good' | 'middle' | 'bad' | 'neutral';
}

/** "8 人 · 66.7%": the count a reader can check against n, and the share to compare at a glance. */
export function rowValue(row: Pick<DistributionRow, 'count' | 'share'>, unit = '人'): string {
  return `${row.count} ${unit} · ${row.share === null ? '—' : `${(row.share * 100).toFixed(1)}%`}`;
}

/**
 * A horizontal bar per option, drawn with views (docs/charts.md: a canvas chart library would cost
 * five to twelve times the survey subpackage). Every bar names its count and share in text, so
 * nothing depends on reading a bar's length; on a phone the label sits over the bar, on a wide
 * screen label, bar and figure share one line.
 */
export function DistributionBars({ rows, id, unit }: { rows: DistributionRow[]; id?: string; unit?: string }) {
  return (
    <View className="dist" id={id}>
      {rows.map((row) => (
        <View key={row.id} className="dist__row" id={id ? `${id}-${row.id}` : undefined}>
          <Text className="dist__label">{row.label}</Text>
          <View className="dist__track">
            <View
              className={`dist__fill dist__fill--${row.tone ?? 'neutral'}`}
              style={{ width: `${Math.max(0, Math.min(100, (row.share ?? 0) * 100))}%` }}
            />
          </View>
          <Text className="dist__value">{rowValue(row, unit)}</Text>
        </View>
      ))}
    </View>
  );
}
