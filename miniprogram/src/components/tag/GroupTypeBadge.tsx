import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GroupType } from '../../../../shared';
import { explainGroupType } from './group-types';
import { Tag } from './Tag';

/** Types whose name says nothing to a parent on its own: the badge carries a ⓘ. */
const CRYPTIC = new Set(['1+X']);

/**
 * 创优型 / 联盟型 / 跨学段合作式 / 融合型 / 1+X: the district's own names, shown as they are.
 * 1+X carries a ⓘ that explains it when tapped; with `caption` (the group's own page) the
 * explanation is also written beside it and the badge itself explains when tapped.
 */
export function GroupTypeBadge({ type, caption = false }: { type: GroupType; caption?: boolean }) {
  const explanation = explainGroupType(type);
  const explain = explanation
    ? (event: { stopPropagation?: () => void }) => {
        // Inside a tappable row: explain, do not open the row.
        event.stopPropagation?.();
        void Taro.showModal({ title: type, content: explanation, showCancel: false, confirmText: '知道了' });
      }
    : undefined;
  return (
    <>
      {/* In a list the badge sits in a row that opens the group: only the ⓘ explains there. */}
      <Tag tone="grey" className="group-type" onClick={caption ? explain : undefined}>
        {type}
      </Tag>
      {CRYPTIC.has(type) ? (
        <Text className="group-type__info" onClick={explain}>
          ⓘ
        </Text>
      ) : null}
      {caption && explanation ? <Text className="group-type__caption">{explanation}</Text> : null}
    </>
  );
}
