import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { RotationBatch } from '../../../../../shared';
import { getGroup, listDistrictGroups } from '../../../api/catalog';
import { listDistrictBatches, listGroupBatches } from '../../../api/rotation';
import { useMe } from '../../../auth/useMe';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync, type AsyncState } from '../../../hooks/useAsync';
import { openPage, rotationComplianceUrl } from '../../../utils/routes';
import { BatchAdminRow } from './BatchAdminRow';
import { ImportForm } from './ImportForm';
import '../rotation.scss';

/**
 * 交流轮岗管理 (also laid out for a desktop browser): import a batch, publish or withdraw it,
 * 异议 (district admins only), and the compliance page. A group admin imports for their group.
 */
export default function RotationAdminPage() {
  const { me, loading } = useMe();
  const scopes = (role: string) => (me?.roles ?? []).filter((r) => r.role === role && r.scope).map((r) => r.scope!);
  const districtId = scopes('district_admin')[0]?.id ?? null;
  const ownGroups = scopes('group_admin').map((s) => ({ id: s.id, name: s.name }));
  // The list reloads on its own, so the import form (and its report) stays on screen.
  const [listVersion, setListVersion] = useState(0);
  const context = useAsync(async () => {
    if (districtId) return { districtId, groups: (await listDistrictGroups(districtId)).items.map((g) => ({ id: g.id, name: g.name })) };
    if (ownGroups[0]) return { districtId: (await getGroup(ownGroups[0].id)).districtId, groups: ownGroups };
    return null;
  }, [districtId, ownGroups.map((g) => g.id).join()]);
  const batches = useAsync(async () => {
    if (districtId) return listDistrictBatches(districtId);
    const lists = await Promise.all(ownGroups.map((g) => listGroupBatches(g.id)));
    return { items: lists.flatMap((l) => l.items) };
  }, [districtId, ownGroups.map((g) => g.id).join(), listVersion]);

  if (loading || context.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (context.status === 'error') return <StatusView kind="error" message={context.message} onRetry={context.reload} />;
  if (!context.data) return <StatusView kind="hint" message="仅集团管理员和区管理员可用" />;
  return (
    <View className="page page--wide rotation-admin">
      <ImportForm
        districtId={context.data.districtId}
        groups={context.data.groups}
        groupOnly={!districtId}
        correctable={
          batches.status === 'ready'
            ? batches.data.items.filter((b) => (b.status === 'publicizing' || b.status === 'effective') && !b.supersededBy)
            : []
        }
        onImported={() => setListVersion((v) => v + 1)}
      />
      <BatchList districtId={districtId} batches={batches} />
    </View>
  );
}

/** District admins see the district's batches, 异议 and compliance; group admins their groups' batches. */
function BatchList({
  districtId,
  batches,
}: {
  districtId: string | null;
  batches: AsyncState<{ items: RotationBatch[] }> & { reload: () => void };
}) {
  return (
    <Section title="全部批次">
      {districtId ? (
        <Text id="open-compliance" className="field__hint" onClick={() => openPage(rotationComplianceUrl(districtId))}>
          查看轮岗达标情况 ›
        </Text>
      ) : null}
      {batches.status === 'loading' ? <StatusView kind="loading" message="正在加载…" /> : null}
      {batches.status === 'error' ? <StatusView kind="error" message={batches.message} onRetry={batches.reload} /> : null}
      {batches.status === 'ready' && batches.data.items.length === 0 ? <StatusView kind="empty" message="暂无批次，请先导入名单" /> : null}
      {batches.status === 'ready'
        ? batches.data.items.map((b) => (
            <BatchAdminRow key={b.id} batch={b} canSeeObjections={districtId !== null} onChanged={batches.reload} />
          ))
        : null}
    </Section>
  );
}
