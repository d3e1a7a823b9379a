import type { GroupType } from '../../../../shared';
import { Tag } from './Tag';

/** 创优型 / 联盟型 / 跨学段合作式 / 融合型 / 1+X: the district's own names, shown as they are. */
export function GroupTypeBadge({ type }: { type: GroupType }) {
  return (
    <Tag tone="grey" className="group-type">
      {type}
    </Tag>
  );
}
