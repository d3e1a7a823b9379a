import { Button, Input, Text, View } from '@tarojs/components';
import { FieldError } from '../../../components/field-error/FieldError';
import type { SchoolDraft } from './school-draft';

type Campus = SchoolDraft['campuses'][number];

/** The school's 校区, saved as a whole list: one removed here is removed on save. */
export function CampusEditor({
  campuses,
  errors,
  onChange,
}: {
  campuses: Campus[];
  errors: Record<string, string>;
  onChange: (campuses: Campus[]) => void;
}) {
  const set = (index: number, patch: Partial<Campus>) => onChange(campuses.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <View className="catalog-campuses">
      <Text className="field__label">校区</Text>
      {campuses.length === 0 ? <Text className="field__hint">没有其他校区</Text> : null}
      {campuses.map((c, index) => (
        <View key={c.id ?? `new-${index}`} className="catalog-campus" id={`campus-${index}`}>
          <Input className="field__input" placeholder="校区名称" value={c.name} onInput={(e) => set(index, { name: e.detail.value })} />
          <FieldError field={`campuses.${index}.name`} errors={errors} />
          <Input
            className="field__input"
            placeholder="校区地址（选填）"
            value={c.address}
            onInput={(e) => set(index, { address: e.detail.value })}
          />
          <FieldError field={`campuses.${index}.address`} errors={errors} />
          <Text className="catalog-campus__remove" onClick={() => onChange(campuses.filter((_, i) => i !== index))}>
            删除此校区
          </Text>
        </View>
      ))}
      <FieldError field="campuses" errors={errors} />
      <Button id="campus-add" size="mini" className="button-row__button" onClick={() => onChange([...campuses, { name: '', address: '' }])}>
        添加校区
      </Button>
    </View>
  );
}
