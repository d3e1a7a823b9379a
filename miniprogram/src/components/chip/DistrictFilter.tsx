import { ScrollView, Text, View } from '@tarojs/components';
import type { DistrictSummary } from '../../../../shared';
import './district-filter.scss';

export interface DistrictFilterProps {
  districts: DistrictSummary[];
  /** '' for 全部. */
  selected: string;
  onSelect: (districtId: string) => void;
  /** 全部 first (the home page's search); a list that is always of one district leaves it out. */
  showAll?: boolean;
  /** Element ids: `${chipIdPrefix}${districtId}` per chip (pages keep their own for their tests). */
  chipIdPrefix?: string;
  id?: string;
}

/** 市中区 and 市北区 alone do not say where they are: the chip names the city too (济南·市中区). */
export const districtChipLabel = (d: Pick<DistrictSummary, 'name' | 'city'>) => `${d.city.replace(/市$/, '')}·${d.name}`;

/** District chips as on the home page, scrolling sideways once there are more than fit. */
export function DistrictFilter({
  districts,
  selected,
  onSelect,
  showAll = true,
  chipIdPrefix = 'district-chip-',
  id = 'district-filter',
}: DistrictFilterProps) {
  const chips = [...(showAll ? [{ id: '', label: '全部' }] : []), ...districts.map((d) => ({ id: d.id, label: districtChipLabel(d) }))];
  return (
    <ScrollView scrollX className="district-filter" id={id} enhanced showScrollbar={false}>
      <View className="district-filter__track">
        {chips.map((chip) => (
          <Text
            key={chip.id || 'all'}
            id={`${chipIdPrefix}${chip.id || 'all'}`}
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
