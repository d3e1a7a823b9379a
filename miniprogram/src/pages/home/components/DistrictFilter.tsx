import { ScrollView, Text, View } from '@tarojs/components';
import type { DistrictSummary } from '../../../../../shared';

export interface DistrictFilterProps {
  districts: DistrictSummary[];
  /** '' for 全部. */
  selected: string;
  onSelect: (districtId: string) => void;
}

/** 全部 plus one chip per district, scrolling sideways once there are more than fit. */
export function DistrictFilter({ districts, selected, onSelect }: DistrictFilterProps) {
  const chips = [{ id: '', label: '全部' }, ...districts.map((d) => ({ id: d.id, label: d.name }))];
  return (
    <ScrollView scrollX className="district-filter" id="district-filter" enhanced showScrollbar={false}>
      <View className="district-filter__track">
        {chips.map((chip) => (
          <Text
            key={chip.id || 'all'}
            id={`district-chip-${chip.id || 'all'}`}
            className={`district-chip${chip.id === selected ? ' district-chip--active' : ''}`}
            onClick={() => onSelect(chip.id)}
          >
            {chip.label}
          </Text>
        ))}
      </View>
    </ScrollView>
  );
}
