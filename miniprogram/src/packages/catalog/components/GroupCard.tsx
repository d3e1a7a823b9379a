import { Text, View } from '@tarojs/components';
import type { AdminGroup, AdminMembership, AdminSchool } from '../../../../../shared';
import { MEMBER_ROLE_LABELS } from '../../../../../shared/catalog/labels';
import { isPartnership } from '../../../components/tag/group-types';
import { leadLabel, membersOf } from '../memberships';
import { ArchivedTag } from './ArchivedTag';

/** A group as an office sees it: name, type, lead (or 共同发起) and the schools in it this term. */
export function GroupCard({
  group,
  schools,
  memberships,
  term,
  onTap,
}: {
  group: AdminGroup;
  schools: AdminSchool[];
  memberships: AdminMembership[];
  term: string;
  onTap?: () => void;
}) {
  const members = membersOf(memberships, group.id, term);
  return (
    <View
      id={`group-${group.id}`}
      className={`catalog-card${group.archivedAt ? ' catalog-archived' : ''}${onTap ? ' catalog-card--link' : ''}`}
      onClick={onTap}
    >
      <View className="catalog-card__head">
        <Text className="catalog-card__name">{group.name}</Text>
        <Text className="catalog-card__type">{group.type}</Text>
        <ArchivedTag archivedAt={group.archivedAt} />
      </View>
      <Text className="catalog-card__meta">{leadLabel(group, schools, memberships, term)}</Text>
      {group.partners.length > 0 ? <Text className="catalog-card__meta">合作单位：{group.partners.join('、')}</Text> : null}
      <Text className="catalog-card__meta">本学期成员校 {members.length} 所</Text>
      <View className="catalog-card__members">
        {members.map((m) => (
          <Text key={m.schoolId} className="catalog-card__member">
            {m.schoolName}（{isPartnership(group.type) ? '合作方' : MEMBER_ROLE_LABELS[m.role]}）
          </Text>
        ))}
      </View>
    </View>
  );
}
