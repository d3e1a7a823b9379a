// Moved to components/chip so 轮岗公示 shows the same chips; kept here for existing imports.
export { DistrictFilter, districtChipLabel, type DistrictFilterProps } from '../../../components/chip/DistrictFilter';
