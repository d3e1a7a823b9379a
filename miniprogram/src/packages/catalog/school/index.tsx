import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminSchool } from '../../../../../shared';
import { createSchool, putCampuses, updateSchool } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { useReshow } from '../../../hooks/useReshow';
import { catalogMoveUrl, catalogSchoolUrl, openPage } from '../../../utils/routes';
import { SaveNotice } from '../components/SaveNotice';
import { saveProblem, type SaveProblem } from '../../../api/field-errors';
import { useDistrictCatalog } from '../use-district-catalog';
import { SchoolActions } from './SchoolActions';
import { SchoolForm } from './SchoolForm';
import { campusesChanged, campusesOf, draftOf, fieldsChanged, fieldsOf, type SchoolDraft } from './school-draft';
import '../catalog.scss';

/** 新建学校 (no ?id=) or 编辑学校: the school's fields and campuses, then 调整集团, 归档, 删除. */
export default function SchoolPage() {
  const { districtId, id, catalog } = useDistrictCatalog();
  // Back from 调整所属集团: the move bumped the school's version, so the form starts from the new one.
  useReshow(catalog.refresh);
  const stored = catalog.status === 'ready' && id ? (catalog.data.schools.find((s) => s.id === id) ?? null) : null;
  useNavigationTitle(stored?.name ?? (id ? undefined : '新建学校'));
  if (catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  if (id && !stored) return <StatusView kind="error" message="未找到该学校，可能已被删除" onRetry={catalog.reload} />;
  // A reload (刷新 after a conflict) brings a new version: the form starts again from it.
  return <SchoolEditor key={`${stored?.id}:${stored?.version}`} districtId={districtId} stored={stored} onRefresh={catalog.reload} />;
}

function SchoolEditor({ districtId, stored, onRefresh }: { districtId: string; stored: AdminSchool | null; onRefresh: () => void }) {
  const [school, setSchool] = useState(stored);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const saved = draftOf(school);

  const save = async (draft: SchoolDraft) => {
    setSaving(true);
    setProblem(null);
    try {
      let current = school;
      if (!current) current = (await createSchool(districtId, fieldsOf(draft))).school;
      else if (fieldsChanged(draft, saved))
        current = (await updateSchool(current.id, { ...fieldsOf(draft), version: current.version })).school;
      // Campuses are a list of their own, versioned on the same school: sent after the fields.
      if (campusesChanged(draft, draftOf(current))) {
        current = (await putCampuses(current.id, { version: current.version, campuses: campusesOf(draft) })).school;
      }
      setSchool(current);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      // A new school continues as an edit of itself (its id now in the address).
      if (!stored) void Taro.redirectTo({ url: catalogSchoolUrl(districtId, current.id) });
    } catch (error) {
      setProblem(saveProblem(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <View className="page catalog">
      <Section title={school ? school.name : '新建学校'}>
        {school?.archivedAt ? <Text className="catalog-archived__tag">已归档</Text> : null}
        <SchoolForm
          key={school?.version ?? 'new'}
          saved={saved}
          errors={problem?.fields ?? {}}
          saving={saving}
          onSave={(d) => void save(d)}
        />
        <SaveNotice problem={problem} onRefresh={onRefresh} />
        {school ? (
          <Text className="field__hint">
            在校家庭数：{school.families === null ? '未填写' : `${school.families} 户`}（在“问卷 → 填写在校家庭数”中填写，或随 Excel 导入）
          </Text>
        ) : null}
      </Section>
      {school ? (
        <SchoolActions
          school={school}
          onMove={() => openPage(catalogMoveUrl(districtId, school.id))}
          onArchived={setSchool}
          onDeleted={() => void Taro.navigateBack()}
        />
      ) : null}
    </View>
  );
}
