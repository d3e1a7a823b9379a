import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import './tag.scss';

export type TagTone = 'green' | 'blue' | 'orange' | 'grey';

export interface TagProps {
  tone: TagTone;
  className?: string;
  children: ReactNode;
  id?: string;
  onClick?: (event: { stopPropagation?: () => void }) => void;
}

/** A small rounded label; the tone carries meaning, so it is chosen by the callers below. */
export function Tag({ tone, className, children, id, onClick }: TagProps) {
  return (
    <Text {...(id ? { id } : {})} className={`tag tag--${tone}${className ? ` ${className}` : ''}`} onClick={onClick}>
      {children}
    </Text>
  );
}
