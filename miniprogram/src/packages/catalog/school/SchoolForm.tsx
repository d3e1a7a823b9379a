import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import type { Stage } from '../../../../../shared';
import { STAGE_LABELS } from '../../../../../shared/catalog/labels';
import { FieldError } from '../../../components/field-error/FieldError';
import { CampusEditor } from './CampusEditor';
import { LocationField } from './LocationField';
import { campusesChanged, fieldsChanged, type SchoolDraft } from './school-draft';
import { SaveButton } from '../components/SaveButton';

const STAGES = Object.keys(STAGE_LABELS) as Stage[];

/**
 * A school's fields as the office edits them. 保存 stays grey until something differs from what
 * was saved; the server's message for a field is shown right under that field.
 */
export function SchoolForm({
  saved,
  errors,
  saving,
  onSave,
}: {
  saved: SchoolDraft;
  errors: Record<string, string>;
  saving: boolean;
  onSave: (draft: SchoolDraft) => void;
}) {
  const [draft, setDraft] = useState(saved);
  const set = (patch: Partial<SchoolDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const idle = saving || !(fieldsChanged(draft, saved) || campusesChanged(draft, saved));
  const text = (field: 'name' | 'aliases' | 'address' | 'phone' | 'students', label: string, placeholder = '', type?: 'number') => (
    <View>
      <Text className="field__label">{label}</Text>
      <Input
        id={`school-${field}`}
        className="field__input"
        type={type ?? 'text'}
        placeholder={placeholder}
        value={draft[field]}
        onInput={(e) => set({ [field]: e.detail.value })}
      />
      <FieldError field={field} errors={errors} />
    </View>
  );
  return (
    <View className="catalog-form">
      {text('name', '学校名称')}
      <Text className="field__label">学段</Text>
      <Picker
        mode="selector"
        range={STAGES}
        value={Math.max(STAGES.indexOf(draft.stage as Stage), 0)}
        onChange={(e) => set({ stage: STAGES[Number(e.detail.value)] })}
      >
        <Text id="school-stage" className="field__input catalog-picker">
          {draft.stage || '请选择学段'}
        </Text>
      </Picker>
      <FieldError field="stage" errors={errors} />
      {text('aliases', '别名（多个用顿号分隔）', '如：六十八中、海区五小')}
      {text('address', '地址')}
      <LocationField
        lat={draft.lat}
        lng={draft.lng}
        errors={errors}
        onChange={({ address, ...at }) => set({ ...at, ...(address && !draft.address.trim() ? { address } : {}) })}
      />
      {text('phone', '电话', '如 0531-86012345')}
      <Text className="field__label">简介</Text>
      <Textarea
        id="school-intro"
        className="field__textarea"
        maxlength={500}
        value={draft.intro}
        onInput={(e) => set({ intro: e.detail.value })}
      />
      <FieldError field="intro" errors={errors} />
      {text('students', '学生数', '选填', 'number')}
      <CampusEditor campuses={draft.campuses} errors={errors} onChange={(campuses) => set({ campuses })} />
      <SaveButton id="school-save" idle={idle} saving={saving} onSave={() => onSave(draft)} />
    </View>
  );
}
