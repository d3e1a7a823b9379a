import { Text } from '@tarojs/components';

/** One choice among a few, shown inline (styles in app.scss: .chips / .chip). */
export function Chip({ id, label, selected, onPick }: { id: string; label: string; selected: boolean; onPick: () => void }) {
  return (
    <Text id={id} className={`chip${selected ? ' chip--selected' : ''}`} onClick={onPick}>
      {label}
    </Text>
  );
}
