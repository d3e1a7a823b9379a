import { Input, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { DistrictCatalog } from '../../../../../shared';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { TermChoice } from '../components/TermChoice';
import { byName, membersOf } from '../memberships';
import { nextTerm } from '../../../../../shared/catalog/terms';
import { changed, type GroupDraft } from './group-draft';
import { SaveButton } from '../components/SaveButton';

/**
 * A group's name, type (built-in or the district's own), lead school or 共同发起, and partner
 * units. A new group also picks its first schools and the term they join from.
 */
export function GroupForm({
  catalog,
  groupId,
  saved,
  errors,
  saving,
  onSave,
}: {
  catalog: DistrictCatalog;
  /** null: a new group. */
  groupId: string | null;
  saved: GroupDraft;
  errors: Record<string, string>;
  saving: boolean;
  onSave: (draft: GroupDraft) => void;
}) {
  const [draft, setDraft] = useState(saved);
  const set = (patch: Partial<GroupDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const idle = saving || !changed(draft, saved);
  const types = [...catalog.groupTypes.builtin, ...catalog.groupTypes.own];
  const schools = catalog.schools.filter((s) => !s.archivedAt).sort(byName);
  // Lead candidates: the schools the group has (this term or the next), or a new group's picks.
  const inGroup = groupId
    ? new Set(
        [catalog.currentTerm, nextTerm(catalog.currentTerm)]
          .flatMap((t) => membersOf(catalog.memberships, groupId, t))
          .map((m) => m.schoolId),
      )
    : new Set(draft.members);
  const toggle = (schoolId: string) =>
    set({
      members: draft.members.includes(schoolId) ? draft.members.filter((id) => id !== schoolId) : [...draft.members, schoolId],
      ...(draft.leadSchoolId === schoolId ? { leadSchoolId: null } : {}),
    });
  return (
    <View className="catalog-form">
      <Text className="field__label">集团名称</Text>
      <Input id="group-name" className="field__input" value={draft.name} onInput={(e) => set({ name: e.detail.value })} />
      <FieldError field="name" errors={errors} />
      <Text className="field__label">集团类型</Text>
      <View className="chips">
        {types.map((t) => (
          <Chip key={t} id={`group-type-${t}`} label={t} selected={draft.type === t} onPick={() => set({ type: t })} />
        ))}
      </View>
      <FieldError field="type" errors={errors} />
      {groupId ? null : (
        <View>
          <Text className="field__label">成员校</Text>
          <View className="chips">
            {schools.map((s) => (
              <Chip
                key={s.id}
                id={`group-member-${s.id}`}
                label={s.name}
                selected={draft.members.includes(s.id)}
                onPick={() => toggle(s.id)}
              />
            ))}
          </View>
          <FieldError field="members" errors={errors} />
          <TermChoice
            idPrefix="group-from"
            currentTerm={catalog.currentTerm}
            nextTerm={catalog.nextTerm}
            value={draft.fromTerm}
            onChange={(fromTerm) => set({ fromTerm })}
          />
        </View>
      )}
      <Text className="field__label">牵头校</Text>
      <View className="chips">
        <Chip
          id="group-lead-none"
          label="共同发起（无牵头校）"
          selected={draft.leadSchoolId === null}
          onPick={() => set({ leadSchoolId: null })}
        />
        {schools
          .filter((s) => inGroup.has(s.id))
          .map((s) => (
            <Chip
              key={s.id}
              id={`group-lead-${s.id}`}
              label={s.name}
              selected={draft.leadSchoolId === s.id}
              onPick={() => set({ leadSchoolId: s.id })}
            />
          ))}
      </View>
      <FieldError field="leadSchoolId" errors={errors} />
      <Text className="field__label">合作单位（集团外的单位，多个用顿号分隔）</Text>
      <Textarea id="group-partners" className="field__textarea" value={draft.partners} onInput={(e) => set({ partners: e.detail.value })} />
      <FieldError field="partners" errors={errors} />
      <SaveButton id="group-save" idle={idle} saving={saving} onSave={() => onSave(draft)} />
    </View>
  );
}
