import { Text, View } from '@tarojs/components';
import type { SurveyDraftContent } from '../../../../../shared/surveys/survey-draft';
import { getGroup } from '../../../api/catalog';
import { Chip } from '../../../components/chip/Chip';
import { FieldError } from '../../../components/field-error/FieldError';
import { useAsync } from '../../../hooks/useAsync';

type Audience = SurveyDraftContent['audience'];
type Respondent = Audience['respondents'][number];

/** A teacher survey appears in the 我的问卷 of the audience schools' bound teachers. */
const RESPONDENTS: Array<[Respondent, string]> = [
  ['parent', '家长'],
  ['teacher', '教师'],
];

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/**
 * 范围 and 填写人. A district admin may aim at the whole district, some groups, or some schools of
 * one group; a group admin at their group or some of its schools. Only places in the caller's
 * scope are offered (the server checks each id again).
 */
export function AudienceFields({
  audience,
  groups,
  groupOnly,
  errors,
  onChange,
}: {
  audience: Audience;
  groups: Array<{ id: string; name: string }>;
  groupOnly: boolean;
  errors: Record<string, string>;
  onChange: (audience: Audience) => void;
}) {
  const oneGroup = audience.groupIds.length === 1 ? audience.groupIds[0] : null;
  const members = useAsync(async () => (oneGroup ? (await getGroup(oneGroup)).members : []), [oneGroup]);
  const set = (patch: Partial<Audience>) => onChange({ ...audience, ...patch });
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name ?? id;
  const summary =
    audience.schoolIds.length > 0
      ? `已选 ${audience.schoolIds.length} 所学校`
      : oneGroup
        ? `${groupName(oneGroup)}的全部学校`
        : audience.groupIds.length > 1
          ? `已选 ${audience.groupIds.length} 个集团的全部学校`
          : '全区所有集团的学校';
  return (
    <View className="audience-fields">
      <Text className="field__label">范围</Text>
      <View className="chips">
        {groupOnly ? null : (
          <Chip
            id="builder-audience-all"
            label="全区"
            selected={audience.groupIds.length === 0}
            onPick={() => set({ groupIds: [], schoolIds: [] })}
          />
        )}
        {groups.map((g) => (
          <Chip
            key={g.id}
            id={`builder-audience-${g.id}`}
            label={g.name}
            selected={audience.groupIds.includes(g.id)}
            onPick={() => set({ groupIds: groupOnly ? [g.id] : toggle(audience.groupIds, g.id), schoolIds: [] })}
          />
        ))}
      </View>
      <FieldError field="audience.groupIds" errors={errors} />
      {oneGroup && members.status === 'ready' && members.data.length > 0 ? (
        <View>
          <Text className="field__hint">可只选其中几所学校；不选即全部学校。</Text>
          <View className="chips">
            {members.data.map((m) => (
              <Chip
                key={m.schoolId}
                id={`builder-audience-school-${m.schoolId}`}
                label={m.name}
                selected={audience.schoolIds.includes(m.schoolId)}
                onPick={() => set({ schoolIds: toggle(audience.schoolIds, m.schoolId) })}
              />
            ))}
          </View>
        </View>
      ) : null}
      <Text className="field__hint" id="builder-audience-summary">
        发放范围：{summary}
      </Text>
      <FieldError field="audience.schoolIds" errors={errors} />
      <Text className="field__label">填写人</Text>
      <View className="chips">
        {RESPONDENTS.map(([id, label]) => (
          <Chip
            key={id}
            id={`builder-respondents-${id}`}
            label={label}
            selected={audience.respondents[0] === id}
            onPick={() => set({ respondents: [id] })}
          />
        ))}
      </View>
      <Text className="field__hint">
        {audience.respondents[0] === 'teacher' ? '教师在“我的问卷”中看到本问卷，按本校作答。' : '家长通过问卷链接或“我的问卷”作答。'}
      </Text>
      <FieldError field="audience.respondents" errors={errors} />
    </View>
  );
}
