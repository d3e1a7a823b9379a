import { ScrollView, Text, View } from '@tarojs/components';
import type { DistrictSummary } from '../../../../../shared';

export interface DistrictFilterProps {
  districts: DistrictSummary[];
  /** '' for 全部. */
  selected: string;
  onSelect: (districtId: string) => void;
}

/** 市中区 and 市北区 alone do not say where they are: the chip names the city too (济南·市中区). */
export const districtChipLabel = (d: Pick<DistrictSummary, 'name' | 'city'>) => `${d.city.replace(/市$/, '')}·${d.name}`;

/** 全部 plus one chip per district, scrolling sideways once there are more than fit. */
export function DistrictFilter({ districts, selected, onSelect }: DistrictFilterProps) {
  const chips = [{ id: '', label: '全部' }, ...districts.map((d) => ({ id: d.id, label: districtChipLabel(d) }))];
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
