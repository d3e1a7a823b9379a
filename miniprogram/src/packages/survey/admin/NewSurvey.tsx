import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SURVEY_TEMPLATES } from '../../../../../shared/surveys/survey-templates';
import { messageOf } from '../../../api/api-error';
import { fieldErrors } from '../../../api/field-errors';
import { FieldError } from '../../../components/field-error/FieldError';
import { getGroup } from '../../../api/catalog';
import { createSurvey } from '../../../api/surveys';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';

const DAY = 86_400_000;

type Respondent = 'parent' | 'teacher';
/** A teacher survey appears in the 我的问卷 of the audience schools' bound teachers. */
const RESPONDENTS: Array<[Respondent, string]> = [
  ['parent', '家长'],
  ['teacher', '教师'],
];

/** 快速发布 from a template in one step: the questions are the template's (the builder edits them). */
export function NewSurvey({
  districtId,
  groups,
  groupOnly = false,
  onCreated,
}: {
  /** Unknown for a group admin: read from the chosen group. */
  districtId: string | null;
  groups: Array<{ id: string; name: string }>;
  /** A group admin may only survey one of their groups. */
  groupOnly?: boolean;
  onCreated: () => void;
}) {
  const [templateId, setTemplateId] = useState(SURVEY_TEMPLATES[0].id);
  const template = SURVEY_TEMPLATES.find((t) => t.id === templateId)!;
  const [title, setTitle] = useState(template.title);
  const [groupId, setGroupId] = useState(groupOnly ? (groups[0]?.id ?? '') : '');
  const [days, setDays] = useState('14');
  const [respondent, setRespondent] = useState<Respondent>('parent');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const create = async () => {
    const now = Date.now();
    try {
      const district = districtId ?? (await getGroup(groupId)).districtId;
      await createSurvey({
        title: title.trim() || template.title,
        description: template.description,
        audience: { districtId: district, groupIds: groupId ? [groupId] : [], schoolIds: [], respondents: [respondent] },
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + Math.max(1, Number(days) || 14) * DAY).toISOString(),
        anonymous: true,
        questions: template.questions,
      });
      setErrors({});
      void Taro.showToast({ title: '问卷已发布', icon: 'success' });
      onCreated();
    } catch (error) {
      // The server's words at the field they are about (definition.title, definition.audience.groupIds.0 …).
      const fields = fieldErrors(error);
      setErrors(
        Object.fromEntries(
          Object.entries(fields).map(([path, message]) => [
            path.replace(/^definition\.audience\.(groupIds|schoolIds)\.\d+$/, 'definition.audience'),
            message,
          ]),
        ),
      );
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };

  const chip = (id: string, label: string, selected: boolean, pick: () => void) => (
    <Chip key={id} id={id} label={label} selected={selected} onPick={pick} />
  );

  return (
    <Section title="按模板快速发布" className="new-survey">
      <Text className="field__label">模板</Text>
      <View className="chips">
        {SURVEY_TEMPLATES.map((t) =>
          chip(
            `template-${t.id}`,
            t.title,
            t.id === templateId,
            () => (setTemplateId(t.id), setTitle(t.title), setRespondent(t.respondent)),
          ),
        )}
      </View>
      <Text className="field__hint">
        {template.description}（共 {template.questions.length} 题）
      </Text>
      <Text className="field__label">标题</Text>
      <Input id="new-survey-title" className="field__input" value={title} maxlength={60} onInput={(e) => setTitle(e.detail.value)} />
      <FieldError field="definition.title" errors={errors} />
      <Text className="field__label">范围</Text>
      <View className="chips">
        {groupOnly ? null : chip('audience-all', '全区', groupId === '', () => setGroupId(''))}
        {groups.map((g) => chip(`audience-${g.id}`, g.name, g.id === groupId, () => setGroupId(g.id)))}
      </View>
      <FieldError field="definition.audience" errors={errors} />
      <Text className="field__label">填写人</Text>
      <View className="chips">
        {RESPONDENTS.map(([id, label]) => chip(`respondents-${id}`, label, respondent === id, () => setRespondent(id)))}
      </View>
      <FieldError field="definition.audience.respondents" errors={errors} />
      <Text className="field__label">开放天数</Text>
      <Input id="new-survey-days" className="field__input" type="number" value={days} onInput={(e) => setDays(e.detail.value)} />
      <FieldError field="definition.closesAt" errors={errors} />
      <Button id="new-survey-create" className="primary-button" onClick={() => void create()}>
        立即发布
      </Button>
    </Section>
  );
}
