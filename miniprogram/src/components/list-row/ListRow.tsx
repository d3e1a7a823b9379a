import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './list-row.scss';

export interface ListRowProps {
  title: string;
  /** Class of the title text, so tests and styles can find e.g. the school name. */
  titleClassName?: string;
  meta?: string;
  /** Tags to the right of the title. */
  extra?: ReactNode;
  /** Anything below the meta line (e.g. a school's groups). */
  children?: ReactNode;
  className?: string;
  onTap?: () => void;
}

/** One tappable line of a list: schools in results, groups of a school, members of a group. */
export function ListRow({ title, titleClassName, meta, extra, children, className, onTap }: ListRowProps) {
  return (
    <View
      className={`list-row${onTap ? ' list-row--link' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={onTap ? 'list-row--pressed' : 'none'}
      onClick={onTap}
    >
      <View className="list-row__body">
        <View className="list-row__head">
          <Text className={`list-row__title${titleClassName ? ` ${titleClassName}` : ''}`}>{title}</Text>
          {extra}
        </View>
        {meta ? <Text className="list-row__meta">{meta}</Text> : null}
        {children}
      </View>
      {onTap ? <Text className="list-row__arrow">›</Text> : null}
    </View>
  );
}
