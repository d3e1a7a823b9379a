import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './section.scss';

export interface SectionProps {
  title?: string;
  className?: string;
  children: ReactNode;
}

/** A white card on the grey page, optionally titled: the building block of every page. */
export function Section({ title, className, children }: SectionProps) {
  return (
    <View className={`section${className ? ` ${className}` : ''}`}>
      {title ? <Text className="section__title">{title}</Text> : null}
      {children}
    </View>
  );
}
