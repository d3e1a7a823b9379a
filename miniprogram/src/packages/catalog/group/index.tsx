import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminGroup, DistrictCatalog } from '../../../../../shared';
import { archiveGroup, createGroup, deleteGroup, updateGroup } from '../../../api/catalog-admin';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useNavigationTitle } from '../../../hooks/useNavigationTitle';
import { useReshow } from '../../../hooks/useReshow';
import { catalogGroupUrl, catalogMoveUrl, openPage } from '../../../utils/routes';
import { MembersByTerm } from '../components/MembersByTerm';
import { SaveNotice } from '../components/SaveNotice';
import { deleteOrArchive } from '../delete-or-archive';
import { saveProblem, type SaveProblem } from '../../../api/field-errors';
import { useDistrictCatalog } from '../use-district-catalog';
import { GroupForm } from './GroupForm';
import { createBodyOf, draftOf, updateBodyOf, type GroupDraft } from './group-draft';
import '../catalog.scss';

/** 新建集团 (no ?id=) or 编辑集团: its fields, its members by term (each opening 调整集团), and 归档. */
export default function GroupPage() {
  const { districtId, id, catalog } = useDistrictCatalog();
  // Back from a move: the members by term show it.
  useReshow(catalog.refresh);
  const stored = catalog.status === 'ready' && id ? (catalog.data.groups.find((g) => g.id === id) ?? null) : null;
  useNavigationTitle(stored?.name ?? (id ? undefined : '新建集团'));
  if (catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  if (id && !stored) return <StatusView kind="error" message="未找到该集团，可能已被删除" onRetry={catalog.reload} />;
  return (
    <GroupEditor
      key={`${stored?.id}:${stored?.version}`}
      districtId={districtId}
      catalog={catalog.data}
      stored={stored}
      onRefresh={catalog.refresh}
    />
  );
}

function GroupEditor({
  districtId,
  catalog,
  stored,
  onRefresh,
}: {
  districtId: string;
  catalog: DistrictCatalog;
  stored: AdminGroup | null;
  onRefresh: () => void;
}) {
  const [group, setGroup] = useState(stored);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  // A new group's schools join from the next term unless the office says this one.
  const saved = draftOf(group, catalog.nextTerm);

  const run = async (write: () => Promise<{ group: AdminGroup }>, done: string) => {
    setSaving(true);
    setProblem(null);
    try {
      const written = (await write()).group;
      setGroup(written);
      void Taro.showToast({ title: done, icon: 'success' });
      // A new group continues as an edit of itself; an edit re-reads the members (a rename shows on them).
      if (!stored) void Taro.redirectTo({ url: catalogGroupUrl(districtId, written.id) });
      else onRefresh();
    } catch (error) {
      setProblem(saveProblem(error));
    } finally {
      setSaving(false);
    }
  };
  const save = (draft: GroupDraft) =>
    run(() => (group ? updateGroup(group.id, updateBodyOf(draft, group.version)) : createGroup(districtId, createBodyOf(draft))), '已保存');
  const archive = async () => {
    const { confirm } = await Taro.showModal({
      title: '归档集团',
      content: `归档后“${group!.name}”的成员校自本学期起退出该集团；以往学期的记录保留。确定归档？`,
      confirmText: '归档',
    });
    if (confirm) await archiveNow();
  };
  const archiveNow = () => run(() => archiveGroup(group!.id, group!.version), '已归档');
  const remove = async () => {
    const deleted = await deleteOrArchive({
      what: '集团',
      name: group!.name,
      remove: () => deleteGroup(group!.id, group!.version),
      archive: archiveNow,
    });
    if (deleted) void Taro.navigateBack();
  };

  return (
    <View className="page catalog">
      <Section title={group ? group.name : '新建集团'}>
        {group?.archivedAt ? <Text className="catalog-archived__tag">已归档</Text> : null}
        <GroupForm
          key={group?.version ?? 'new'}
          catalog={catalog}
          groupId={group?.id ?? null}
          saved={saved}
          errors={problem?.fields ?? {}}
          saving={saving}
          onSave={(d) => void save(d)}
        />
        <SaveNotice problem={problem} onRefresh={onRefresh} />
      </Section>
      {group ? (
        <Section title="成员校（按学期）">
          <Text className="field__hint">点学校可调整其所属集团；调整自所选学期起生效，以往学期不变。</Text>
          <MembersByTerm
            groupId={group.id}
            memberships={catalog.memberships}
            currentTerm={catalog.currentTerm}
            onSchoolTap={(schoolId) => openPage(catalogMoveUrl(districtId, schoolId))}
          />
          <View className="button-row catalog-danger">
            {group.archivedAt ? null : (
              <Button id="group-archive" size="mini" className="button-row__button" onClick={() => void archive()}>
                归档
              </Button>
            )}
            <Button id="group-delete" size="mini" type="warn" className="button-row__button" onClick={() => void remove()}>
              删除
            </Button>
          </View>
        </Section>
      ) : null}
    </View>
  );
}
