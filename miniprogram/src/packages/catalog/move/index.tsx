import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminSchool, DistrictCatalog } from '../../../../../shared';
import { moveSchool } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { SaveNotice } from '../components/SaveNotice';
import { saveProblem, type SaveProblem } from '../../../api/field-errors';
import { useDistrictCatalog } from '../use-district-catalog';
import { MoveForm, type MoveChoice } from './MoveForm';
import '../catalog.scss';

/** 调整所属集团 of one school (?district=&id=), dated from a term; earlier terms keep their group. */
export default function MovePage() {
  const { id, catalog } = useDistrictCatalog();
  if (catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  const school = catalog.data.schools.find((s) => s.id === id);
  if (!school) return <StatusView kind="error" message="未找到该学校，可能已被删除" onRetry={catalog.reload} />;
  return <MoveEditor key={school.version} catalog={catalog.data} school={school} onRefresh={catalog.reload} />;
}

function MoveEditor({ catalog, school, onRefresh }: { catalog: DistrictCatalog; school: AdminSchool; onRefresh: () => void }) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const submit = async (choice: MoveChoice) => {
    setSaving(true);
    setProblem(null);
    try {
      await moveSchool(school.id, { version: school.version, ...choice });
      void Taro.showToast({ title: '已调整', icon: 'success' });
      void Taro.navigateBack();
    } catch (error) {
      setProblem(saveProblem(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <View className="page catalog">
      <Section title={`调整所属集团：${school.name}`}>
        <MoveForm catalog={catalog} school={school} errors={problem?.fields ?? {}} saving={saving} onSubmit={(c) => void submit(c)} />
        <SaveNotice problem={problem} onRefresh={onRefresh} />
      </Section>
    </View>
  );
}
