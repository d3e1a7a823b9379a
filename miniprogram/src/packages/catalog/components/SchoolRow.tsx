import { Text, View } from '@tarojs/components';
import type { AdminMembership, AdminSchool } from '../../../../../shared';
import { groupsOfSchool } from '../memberships';
import { ArchivedTag } from './ArchivedTag';

/** One school: name, stage, its groups this term and its 在校家庭数. */
export function SchoolRow({
  school,
  memberships,
  term,
  onTap,
}: {
  school: AdminSchool;
  memberships: AdminMembership[];
  term: string;
  onTap?: () => void;
}) {
  const groups = groupsOfSchool(memberships, school.id, term).map((m) => m.groupName);
  return (
    <View
      id={`school-${school.id}`}
      className={`catalog-row${school.archivedAt ? ' catalog-archived' : ''}${onTap ? ' catalog-card--link' : ''}`}
      onClick={onTap}
    >
      <View className="catalog-card__head">
        <Text className="catalog-row__name">{school.name}</Text>
        <Text className="catalog-card__type">{school.stage}</Text>
        <ArchivedTag archivedAt={school.archivedAt} />
      </View>
      <Text className="catalog-card__meta">
        {groups.length > 0 ? groups.join('、') : '不属于任何集团'}
        {school.families === null ? ' · 在校家庭数未填' : ` · 在校家庭数 ${school.families}`}
      </Text>
    </View>
  );
}
