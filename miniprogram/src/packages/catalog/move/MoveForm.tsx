import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AdminSchool, DistrictCatalog, MemberRole } from '../../../../../shared';
import { MEMBER_ROLE_LABELS } from '../../../../../shared/catalog/labels';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { TermChoice } from '../components/TermChoice';
import { byName, groupsOfSchool } from '../memberships';
import { moveConsequence } from './move-consequence';

export interface MoveChoice {
  fromTerm: string;
  fromGroupId: string | null;
  toGroupId: string | null;
  role: MemberRole;
}

const ROLES = Object.keys(MEMBER_ROLE_LABELS) as MemberRole[];

/** Which group the school leaves and joins, in what role, from which term; and what that means. */
export function MoveForm({
  catalog,
  school,
  errors,
  saving,
  onSubmit,
}: {
  catalog: DistrictCatalog;
  school: AdminSchool;
  errors: Record<string, string>;
  saving: boolean;
  onSubmit: (choice: MoveChoice) => void;
}) {
  // A move usually waits for the next term, so this term's surveys and scores are not split.
  const [fromTerm, setFromTerm] = useState(catalog.nextTerm);
  const current = groupsOfSchool(catalog.memberships, school.id, fromTerm);
  const [fromGroupId, setFromGroupId] = useState<string | null>(current[0]?.groupId ?? null);
  // undefined: not chosen yet (不属于任何集团 is a choice of its own, never a default).
  const [toGroupId, setToGroupId] = useState<string | null | undefined>(undefined);
  const [role, setRole] = useState<MemberRole>('member');
  const groups = catalog.groups.filter((g) => !g.archivedAt && g.id !== fromGroupId).sort(byName);
  const nameOf = (id: string | null) => (id ? (catalog.groups.find((g) => g.id === id)?.name ?? id) : null);
  const pickTerm = (term: string) => {
    setFromTerm(term);
    setFromGroupId(groupsOfSchool(catalog.memberships, school.id, term)[0]?.groupId ?? null);
    setToGroupId(undefined);
  };
  const undecided = toGroupId === undefined || fromGroupId === toGroupId;
  return (
    <View className="catalog-form">
      <TermChoice idPrefix="move-from" currentTerm={catalog.currentTerm} nextTerm={catalog.nextTerm} value={fromTerm} onChange={pickTerm} />
      <FieldError field="fromTerm" errors={errors} />
      <Text className="field__label">原集团</Text>
      {current.length === 0 ? (
        <Text className="field__hint" id="move-from-none">
          该学期不属于任何集团
        </Text>
      ) : (
        <View className="chips">
          {current.map((m) => (
            <Chip
              key={m.groupId}
              id={`move-leave-${m.groupId}`}
              label={m.groupName}
              selected={fromGroupId === m.groupId}
              onPick={() => setFromGroupId(m.groupId)}
            />
          ))}
        </View>
      )}
      <FieldError field="fromGroupId" errors={errors} />
      <Text className="field__label">调入集团</Text>
      <View className="chips">
        {groups.map((g) => (
          <Chip key={g.id} id={`move-to-${g.id}`} label={g.name} selected={toGroupId === g.id} onPick={() => setToGroupId(g.id)} />
        ))}
        {fromGroupId ? (
          <Chip id="move-to-none" label="不属于任何集团" selected={toGroupId === null} onPick={() => setToGroupId(null)} />
        ) : null}
      </View>
      <FieldError field="toGroupId" errors={errors} />
      {toGroupId ? (
        <View>
          <Text className="field__label">在新集团中的角色</Text>
          <View className="chips">
            {ROLES.map((r) => (
              <Chip key={r} id={`move-role-${r}`} label={MEMBER_ROLE_LABELS[r]} selected={role === r} onPick={() => setRole(r)} />
            ))}
          </View>
        </View>
      ) : null}
      <Text className="catalog-consequence" id="move-consequence">
        {undecided ? '请选择调入的集团' : moveConsequence(fromTerm, nameOf(fromGroupId), nameOf(toGroupId ?? null))}
      </Text>
      <Button
        id="move-submit"
        className={`primary-button${undecided || saving ? ' primary-button--idle' : ''}`}
        disabled={undecided || saving || undefined}
        onClick={() => undecided || saving || onSubmit({ fromTerm, fromGroupId, toGroupId: toGroupId ?? null, role })}
      >
        {saving ? '保存中…' : '确认调整'}
      </Button>
    </View>
  );
}
