import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './tag.scss';

export type TagTone = 'green' | 'blue' | 'orange' | 'grey';

export interface TagProps {
  tone: TagTone;
  className?: string;
  children: ReactNode;
}

/** A small rounded label; the tone carries meaning, so it is chosen by the callers below. */
export function Tag({ tone, className, children }: TagProps) {
  return <Text className={`tag tag--${tone}${className ? ` ${className}` : ''}`}>{children}</Text>;
}
