import { Text, View } from '@tarojs/components';
import type { SchoolHit } from '../../../../../shared';
import { STAGE_LABELS } from '../../../../../shared/catalog/labels';
import { ListRow } from '../../../components/list-row/ListRow';
import { RoleTag } from '../../../components/tag/RoleTag';
import { joinMeta } from '../../../utils/join-meta';

export interface SchoolResultItemProps {
  school: SchoolHit;
  districtName: string;
  onOpen: (schoolId: string) => void;
}

/** A search hit: name, where and what stage, and the groups it belongs to with its role in each. */
export function SchoolResultItem({ school, districtName, onOpen }: SchoolResultItemProps) {
  return (
    <ListRow
      className="school-item"
      titleClassName="school-name"
      title={school.name}
      meta={joinMeta(districtName, STAGE_LABELS[school.stage])}
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
