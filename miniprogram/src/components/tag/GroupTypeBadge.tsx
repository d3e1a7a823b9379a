import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { GroupType } from '../../../../shared';
import { explainGroupType } from './group-types';
import { Tag } from './Tag';

/** Types whose name says nothing to a parent on its own: the badge carries a ⓘ. */
const CRYPTIC = new Set(['1+X']);

/**
 * 创优型 / 联盟型 / 跨学段合作式 / 融合型 / 1+X: the district's own names, shown as they are.
 * A tap explains a built-in type (1+X says so with its ⓘ); `caption` also writes the
 * explanation beside it, for the group's own page.
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
      <Tag tone="grey" className="group-type" onClick={explain}>
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
