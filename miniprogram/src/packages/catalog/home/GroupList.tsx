import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import type { DistrictCatalog } from '../../../../../shared';
import { GroupCard } from '../components/GroupCard';
import { byName } from '../memberships';

/** The district's groups, archived ones last. */
export function GroupList({ catalog, onOpen }: { catalog: DistrictCatalog; onOpen: (groupId: string) => void }) {
  const groups = [...catalog.groups].sort((a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)) || byName(a, b));
  return (
    <Section className="catalog-groups">
      {groups.length === 0 ? <StatusView kind="empty" message="还没有集团，可新建或从 Excel 导入" /> : null}
      {groups.map((g) => (
        <GroupCard
          key={g.id}
          group={g}
          schools={catalog.schools}
          memberships={catalog.memberships}
          term={catalog.currentTerm}
          onTap={() => onOpen(g.id)}
        />
      ))}
    </Section>
  );
}
