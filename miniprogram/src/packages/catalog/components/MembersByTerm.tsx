import { Text, View } from '@tarojs/components';
import type { AdminMembership } from '../../../../../shared';
import { MEMBER_ROLE_LABELS } from '../../../../../shared/catalog/labels';
import { byName, membersOf } from '../memberships';
import { nextTerm, termLabel } from '../../../../../shared/catalog/terms';

/**
 * A group's members in this term and the next, side by side, so a move dated from the next
 * term shows where it takes effect; earlier terms keep theirs and are not rewritten.
 */
export function MembersByTerm({
  groupId,
  memberships,
  currentTerm,
  onSchoolTap,
}: {
  groupId: string;
  memberships: AdminMembership[];
  currentTerm: string;
  onSchoolTap?: (schoolId: string) => void;
}) {
  const terms = [
    { term: currentTerm, title: `本学期（${termLabel(currentTerm)}）` },
    { term: nextTerm(currentTerm), title: `下学期（${termLabel(nextTerm(currentTerm))}）` },
  ];
  return (
    <View className="catalog-terms">
      {terms.map(({ term, title }) => {
        const members = membersOf(memberships, groupId, term).sort((a, b) => byName({ name: a.schoolName }, { name: b.schoolName }));
        return (
          <View key={term} className="catalog-terms__term" id={`members-${term}`}>
            <Text className="field__label">{title}</Text>
            {members.length === 0 ? <Text className="field__hint">没有成员校</Text> : null}
            {members.map((m) => (
              <Text
                key={m.schoolId}
                className="catalog-terms__member"
                id={`member-${term}-${m.schoolId}`}
                onClick={onSchoolTap ? () => onSchoolTap(m.schoolId) : undefined}
              >
                {m.schoolName}（{MEMBER_ROLE_LABELS[m.role]}）{onSchoolTap ? ' ›' : ''}
              </Text>
            ))}
          </View>
        );
      })}
    </View>
  );
}
