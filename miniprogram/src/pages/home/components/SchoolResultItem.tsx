import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { SchoolHit } from '../../../../../shared';
import { STAGE_LABELS } from '../../../../../shared/catalog/labels';
import { ListRow } from '../../../components/list-row/ListRow';
import { RoleTag } from '../../../components/tag/RoleTag';
import { joinMeta } from '../../../utils/join-meta';

export interface SchoolResultItemProps {
  school: SchoolHit;
  districtName: string;
  onOpen: (schoolId: string) => void;
  /** Beside the name, e.g. 附近的学校's distance. */
  extra?: ReactNode;
}

/** A search hit: name, where and what stage, and the groups it belongs to with its role in each. */
export function SchoolResultItem({ school, districtName, onOpen, extra }: SchoolResultItemProps) {
  return (
    <ListRow
      className="school-item"
      titleClassName="school-name"
      title={school.name}
      meta={joinMeta(districtName, STAGE_LABELS[school.stage])}
      extra={extra}
      onTap={() => onOpen(school.id)}
    >
      {school.groups.map((group) => (
        <View key={group.id} className="school-item__group">
          <Text className="school-item__group-name">{group.name}</Text>
          <RoleTag role={group.role} />
        </View>
      ))}
    </ListRow>
  );
}
