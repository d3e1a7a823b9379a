import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { DistrictCatalog } from '../../../../../shared';
import { putGroupTypes } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { FieldError } from '../../../components/field-error/FieldError';
import { SaveNotice } from '../components/SaveNotice';
import { saveProblem, type SaveProblem } from '../../../api/field-errors';

/** The district's own group types, offered beside the built-in ones when a group is written. */
export function GroupTypesEditor({ catalog, onSaved }: { catalog: DistrictCatalog; onSaved: () => void }) {
  const saved = catalog.groupTypes.own;
  const [own, setOwn] = useState(saved);
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const idle = saving || JSON.stringify(own) === JSON.stringify(saved);
  const add = () => {
    const type = typed.trim();
    if (type && !own.includes(type) && !catalog.groupTypes.builtin.includes(type)) setOwn([...own, type]);
    setTyped('');
  };
  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await putGroupTypes(catalog.district.id, catalog.district.version, own);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    } catch (error) {
      setProblem(saveProblem(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Section title="集团类型" className="catalog-group-types">
      <Text className="field__hint">内置：{catalog.groupTypes.builtin.join('、')}</Text>
      <View className="chips">
        {own.map((t) => (
          <Text key={t} id={`own-type-${t}`} className="chip" onClick={() => setOwn(own.filter((o) => o !== t))}>
            {t} ×
          </Text>
        ))}
      </View>
      <FieldError field="types" errors={problem?.fields ?? {}} />
      <View className="button-row">
        <Input
          id="own-type-input"
          className="field__input"
          placeholder="本区自定的类型"
          value={typed}
          onInput={(e) => setTyped(e.detail.value)}
        />
        <Button id="own-type-add" size="mini" className="button-row__button" onClick={add}>
          添加
        </Button>
        <Button
          id="own-type-save"
          size="mini"
          className={`primary-button button-row__button${idle ? ' primary-button--idle' : ''}`}
          disabled={idle || undefined}
          onClick={() => idle || void save()}
        >
          保存
        </Button>
      </View>
      <SaveNotice problem={problem} onRefresh={onSaved} />
    </Section>
  );
}
