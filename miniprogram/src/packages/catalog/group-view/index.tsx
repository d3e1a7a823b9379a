import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { GroupCatalog } from '../../../../../shared';
import { getGroupCatalog } from '../../../api/catalog-admin';
import { useMe } from '../../../auth/useMe';
import { Chip } from '../../../components/chip/Chip';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { useAsync } from '../../../hooks/useAsync';
import { GroupCard } from '../components/GroupCard';
import { MembersByTerm } from '../components/MembersByTerm';
import { SchoolRow } from '../components/SchoolRow';
import { byName } from '../memberships';
import { termLabel } from '../../../../../shared/catalog/terms';
import '../catalog.scss';

/**
 * A group admin's own group, read-only (the district's office edits it): the same cards and
 * lists as the district's catalogue, without a single edit button.
 */
export default function GroupViewPage() {
  const { params } = useRouter();
  const { me, loading } = useMe();
  const groups = (me?.roles ?? []).filter((r) => r.role === 'group_admin' && r.scope).map((r) => r.scope!);
  const [picked, setPicked] = useState(params.id ? decodeURIComponent(params.id) : null);
  const groupId = picked ?? groups[0]?.id ?? null;
  const catalog = useAsync(async () => (groupId ? getGroupCatalog(groupId) : null), [groupId]);
  if (loading || catalog.status === 'loading') return <StatusView kind="loading" message="正在加载…" />;
  if (!groupId) return <StatusView kind="hint" message="仅集团管理员可用" />;
  if (catalog.status === 'error') return <StatusView kind="error" message={catalog.message} onRetry={catalog.reload} />;
  return (
    <View className="page catalog">
      {groups.length > 1 ? (
        <View className="chips catalog-districts">
          {groups.map((g) => (
            <Chip key={g.id} id={`view-group-${g.id}`} label={g.name} selected={g.id === groupId} onPick={() => setPicked(g.id)} />
          ))}
        </View>
      ) : null}
      {catalog.data ? <GroupCatalogView catalog={catalog.data} /> : null}
    </View>
  );
}

function GroupCatalogView({ catalog }: { catalog: GroupCatalog }) {
  const { group, schools, memberships, currentTerm } = catalog;
  return (
    <View>
      <Section>
        <Text className="field__hint" id="current-term">
          当前学期：{termLabel(currentTerm)}
        </Text>
        <GroupCard group={group} schools={schools} memberships={memberships} term={currentTerm} />
        <Text className="field__hint">集团信息由区教育局维护；如需调整请联系区管理员。</Text>
      </Section>
      <Section title="成员校（按学期）">
        <MembersByTerm groupId={group.id} memberships={memberships} currentTerm={currentTerm} />
      </Section>
      <Section title="学校">
        {[...schools].sort(byName).map((s) => (
          <SchoolRow key={s.id} school={s} memberships={memberships} term={currentTerm} />
        ))}
      </Section>
    </View>
  );
}
