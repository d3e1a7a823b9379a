import { CatalogView, type CatalogContent } from '../../../src/features/catalog/domain/catalog-snapshot';
import { searchKeys } from '../../../src/features/catalog/domain/search/search-document';

/** The catalogue view keeps every membership period, so a view made in one term answers right in the next. */
describe('the catalogue view and terms', () => {
  const district = { id: 'd', name: '学期区', city: '测试市', province: '测试省' };
  const school = (id: string, name: string, archivedAt?: string) => ({
    id,
    name,
    districtId: 'd',
    stage: '小学' as const,
    search: searchKeys({ name, aliases: [] }, district),
    ...(archivedAt ? { archivedAt } : {}),
  });
  const content: CatalogContent = {
    districts: [district],
    groups: [
      { id: 'north', name: '北苑教育集团', groupType: '1+X', districtId: 'd' },
      { id: 'south', name: '南苑教育集团', groupType: '1+X', districtId: 'd' },
      { id: 'gone', name: '停办教育集团', groupType: '1+X', districtId: 'd', archivedAt: '2026-09-01T00:00:00Z' },
    ],
    schools: [school('moved', '迁校小学'), school('closed', '停办小学', '2026-09-01T00:00:00Z')],
    memberships: [
      { groupId: 'north', groupName: '北苑教育集团', schoolId: 'moved', role: 'member', untilTerm: '2027-1' },
      { groupId: 'south', groupName: '南苑教育集团', schoolId: 'moved', role: 'member', fromTerm: '2027-1' },
      { groupId: 'gone', groupName: '停办教育集团', schoolId: 'moved', role: 'alliance' },
    ],
  };
  const groupsAt = (view: CatalogView, term: string) => view.hit(0, term).groups.map((g) => g.id);

  it('shows a school’s groups of the term asked, after an encode and decode', () => {
    // Prepare
    const view = CatalogView.decode(CatalogView.build(content).encode())!;
    // Act
    const before = groupsAt(view, '2026-2');
    const after = groupsAt(view, '2027-1');
    // Assess: the archived group is shown in neither.
    expect(before).toEqual(['north']);
    expect(after).toEqual(['south']);
  });

  it('leaves archived schools and groups out of the index and the district counts', () => {
    // Act
    const view = CatalogView.build(content);
    // Assess
    expect(view.index.size).toBe(1);
    expect(view.districts[0]).toMatchObject({ groupCount: 2, schoolCount: 1 });
  });
});
