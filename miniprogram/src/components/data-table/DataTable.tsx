import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useWideScreen } from '../../hooks/useWideScreen';
import './data-table.scss';

export interface Column<T> {
  key: string;
  title: string;
  render: (row: T) => ReactNode;
  /** Relative width of the column in the table (flex-grow); 1 unless said. */
  grow?: number;
  /** The card's heading on a phone (the first column unless one says so). */
  primary?: boolean;
}

export interface DataTableProps<T> {
  rows: T[];
  columns: Array<Column<T>>;
  rowKey: (row: T) => string;
  /** An id per row, for tests and anchors (the same in both layouts). */
  rowId?: (row: T) => string;
  rowClassName?: (row: T) => string;
  onRowTap?: (row: T) => void;
  /** Forces a layout (tests, previews); by default a table at desktop width, cards on a phone. */
  layout?: 'table' | 'cards';
}

const asContent = (value: ReactNode) => (typeof value === 'string' || typeof value === 'number' ? <Text>{value}</Text> : value);

/**
 * One list, two layouts: a table with a header row at desktop width (H5 ≥ 900 px, an office
 * PC), cards with label：value lines on a phone and in the weapp. The columns are the same.
 */
export function DataTable<T>({ rows, columns, rowKey, rowId, rowClassName, onRowTap, layout }: DataTableProps<T>) {
  const wide = useWideScreen();
  const asTable = (layout ?? (wide ? 'table' : 'cards')) === 'table';
  const primary = columns.find((c) => c.primary) ?? columns[0];
  if (asTable)
    return (
      <View className="data-table">
        <View className="data-table__row data-table__row--head">
          {columns.map((c) => (
            <Text key={c.key} className="data-table__cell data-table__cell--head" style={{ flexGrow: c.grow ?? 1 }}>
              {c.title}
            </Text>
          ))}
        </View>
        {rows.map((row) => (
          <View
            key={rowKey(row)}
            id={rowId?.(row)}
            className={`data-table__row${onRowTap ? ' data-table__row--tappable' : ''}${rowClassName ? ` ${rowClassName(row)}` : ''}`}
            onClick={onRowTap ? () => onRowTap(row) : undefined}
          >
            {columns.map((c) => (
              <View key={c.key} className="data-table__cell" style={{ flexGrow: c.grow ?? 1 }}>
                {asContent(c.render(row))}
              </View>
            ))}
          </View>
        ))}
      </View>
    );
  return (
    <View className="data-cards">
      {rows.map((row) => (
        <View
          key={rowKey(row)}
          id={rowId?.(row)}
          className={`data-card${rowClassName ? ` ${rowClassName(row)}` : ''}`}
          onClick={onRowTap ? () => onRowTap(row) : undefined}
        >
          <View className="data-card__title">{asContent(primary.render(row))}</View>
          {columns
            .filter((c) => c !== primary)
            .map((c) => (
              <View key={c.key} className="data-card__line">
                <Text className="data-card__label">{c.title}</Text>
                <View className="data-card__value">{asContent(c.render(row))}</View>
              </View>
            ))}
        </View>
      ))}
    </View>
  );
}
