import { Input } from '@tarojs/components';
import { useState } from 'react';
import type { DistrictCatalog } from '../../../../../shared';
import { Section } from '../../../components/section/Section';
import { StatusView } from '../../../components/status-view/StatusView';
import { SchoolRow } from '../components/SchoolRow';
import { byName } from '../memberships';

/** The district's schools, found by any part of a name or alias; archived ones last. */
export function SchoolList({ catalog, onOpen }: { catalog: DistrictCatalog; onOpen: (schoolId: string) => void }) {
  const [filter, setFilter] = useState('');
  const words = filter.trim();
  const schools = catalog.schools
    .filter((s) => !words || [s.name, ...s.aliases].some((n) => n.includes(words)))
    .sort((a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)) || byName(a, b));
  return (
    <Section className="catalog-schools">
      <Input
        id="school-filter"
        className="field__input"
        placeholder="按校名或别名筛选"
        value={filter}
        onInput={(e) => setFilter(e.detail.value)}
      />
      {schools.length === 0 ? <StatusView kind="empty" message={words ? '没有符合的学校' : '还没有学校，可新建或从 Excel 导入'} /> : null}
      {schools.map((s) => (
        <SchoolRow key={s.id} school={s} memberships={catalog.memberships} term={catalog.currentTerm} onTap={() => onOpen(s.id)} />
      ))}
    </Section>
  );
}
