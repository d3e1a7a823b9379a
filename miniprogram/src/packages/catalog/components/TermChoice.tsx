import { Text, View } from '@tarojs/components';
import { Chip } from '../../../components/chip/Chip';
import { termLabel } from '../../../../../shared/catalog/terms';

/** 本学期 or 下学期, each with its school-year label: what a change takes effect from. */
export function TermChoice({
  idPrefix,
  currentTerm,
  nextTerm,
  value,
  onChange,
}: {
  idPrefix: string;
  currentTerm: string;
  nextTerm: string;
  value: string;
  onChange: (term: string) => void;
}) {
  return (
    <View>
      <Text className="field__label">自哪个学期起生效</Text>
      <View className="chips">
        <Chip
          id={`${idPrefix}-current`}
          label={`本学期（${termLabel(currentTerm)}）`}
          selected={value === currentTerm}
          onPick={() => onChange(currentTerm)}
        />
        <Chip
          id={`${idPrefix}-next`}
          label={`下学期（${termLabel(nextTerm)}）`}
          selected={value === nextTerm}
          onPick={() => onChange(nextTerm)}
        />
      </View>
    </View>
  );
}
