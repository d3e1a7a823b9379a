import type { IndicatorSystem } from './indicator-system';
import type { MissingPart } from './score-precision';

/**
 * What a 数据不完整 score lacks, in words, for pages and exports alike: an indicator
 * (学校发展·综合), a dimension (社会认可), a member school without a total, or one without its
 * 在校家庭数 (the weight of a school in its group).
 */
export function missingPartLabel(part: MissingPart, system: IndicatorSystem, schoolName: (id: string) => string): string {
  switch (part.kind) {
    case 'indicator': {
      const [dimensionId, indicatorId] = part.id.split('/');
      const dimension = system.dimensions.find((d) => d.id === dimensionId);
      const indicator = dimension?.indicators.find((i) => i.id === indicatorId);
      return `${dimension?.name ?? dimensionId}·${indicator?.name ?? indicatorId}`;
    }
    case 'dimension':
      return system.dimensions.find((d) => d.id === part.id)?.name ?? part.id;
    case 'school-score':
      return `${schoolName(part.schoolId)}无总分`;
    case 'enrollment':
      return `${schoolName(part.schoolId)}缺在校家庭数`;
  }
}

/** "缺：社会认可、经纬路小学缺在校家庭数", or '' when nothing is missing. */
export function missingText(parts: MissingPart[], system: IndicatorSystem, schoolName: (id: string) => string): string {
  return parts.length ? `缺：${parts.map((p) => missingPartLabel(p, system, schoolName)).join('、')}` : '';
}
