import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DistrictSchema, GroupSchema, SchoolSchema } from '../../../../shared';
import { normalizeText } from '../../../src/features/catalog/domain/search/normalize';
import { seedData } from '../../../src/features/catalog/seed/seed-data';

const SOURCES = join(__dirname, '..', '..', '..', '..', 'docs', 'sources');

/** The four source documents, normalised (003 is in traditional script). */
function documents(): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const file of readdirSync(SOURCES).filter((f) => f.endsWith('.txt')))
    docs[file.slice(0, 3)] = normalizeText(readFileSync(join(SOURCES, file), 'utf8'));
  return docs;
}

const groupsOf = (districtId: string) => seedData.groups.filter((g) => g.districtId === districtId);
const membersOf = (groupId: string) => seedData.memberships.filter((m) => m.groupId === groupId);

describe('seed data', () => {
  it('validates against the shared schemas', () => {
    for (const d of seedData.districts) expect(DistrictSchema.safeParse(d).success).toBe(true);
    for (const g of seedData.groups) expect(GroupSchema.safeParse(g).success).toBe(true);
    for (const s of seedData.schools) expect(SchoolSchema.safeParse(s).success).toBe(true);
  });

  it('has unique ids and memberships that name existing groups and schools of the same district', () => {
    const schoolIds = seedData.schools.map((s) => s.id);
    const groupIds = seedData.groups.map((g) => g.id);
    expect(new Set(schoolIds).size).toBe(schoolIds.length);
    expect(new Set(groupIds).size).toBe(groupIds.length);
    for (const m of seedData.memberships) {
      const group = seedData.groups.find((g) => g.id === m.groupId);
      const school = seedData.schools.find((s) => s.id === m.schoolId);
      expect(group?.districtId).toBe(school?.districtId);
    }
  });

  it('lists 济南市中区 as the document does: 9 groups and 2 联盟学校, with their members', () => {
    const jinan = groupsOf('jinan-shizhong');
    expect(jinan.filter((g) => g.type === '1+X')).toHaveLength(9);
    expect(jinan.filter((g) => g.name.endsWith('联盟学校'))).toHaveLength(2);
    expect(
      membersOf('jn-jingwu')
        .map((m) => m.schoolId)
        .sort(),
    ).toEqual(['jn-jingbalu-ps', 'jn-jingwei-ps', 'jn-jingwulu-ps']);
    // A school can belong to two groups: 济南实验初级中学 leads 实验教育集团 and its 联盟学校.
    expect(
      seedData.memberships
        .filter((m) => m.schoolId === 'jn-shiyan-jhs')
        .map((m) => m.groupId)
        .sort(),
    ).toEqual(['jn-shiyan', 'jn-shiyan-alliance']);
  });

  it('lists 青岛市北区 as 4 创优型, 3 联盟型 and the 跨学段合作式 pair', () => {
    const qingdao = groupsOf('qingdao-shibei');
    expect(qingdao.filter((g) => g.type === '创优型')).toHaveLength(4);
    expect(qingdao.filter((g) => g.type === '联盟型')).toHaveLength(3);
    expect(qingdao.filter((g) => g.type === '跨学段合作式').map((g) => g.partners)).toEqual([['山东青大教育集团']]);
    expect(membersOf('qd-alliance-53-shibei')).toHaveLength(3);
  });

  it('lists 海勃湾区 as three 融合型 groups, 五小 with its 龙游湾校区, and 海淀 by its reported figures only', () => {
    expect(groupsOf('wuhai-haibowan').map((g) => g.type)).toEqual(['融合型', '融合型', '融合型']);
    expect(seedData.schools.find((s) => s.id === 'wh-no5-ps')?.campuses).toEqual([{ id: 'longyouwan', name: '龙游湾校区' }]);
    expect(groupsOf('beijing-haidian')).toHaveLength(0);
    expect(seedData.districts.find((d) => d.id === 'beijing-haidian')?.reported).toMatchObject({ groups: 36, students: 190000 });
  });

  it('gives every group with a lead school a lead membership, and no group two leads', () => {
    for (const g of seedData.groups) {
      const leads = membersOf(g.id).filter((m) => m.role === 'lead');
      expect(leads.map((m) => m.schoolId)).toEqual(g.leadSchoolId ? [g.leadSchoolId] : []);
    }
  });

  describe('against the source documents in docs/sources', () => {
    it('invents no school: each has a name or alias written in its document', () => {
      // Prepare
      const docs = documents();
      const sourceOf = (districtId: string) => seedData.groups.find((g) => g.districtId === districtId)!.source;
      // Act
      const missing = seedData.schools.filter((s) => {
        const text = docs[sourceOf(s.districtId)];
        return ![s.name, ...s.aliases].some((n) => text.includes(normalizeText(n)));
      });
      // Assess
      expect(missing.map((s) => s.name)).toEqual([]);
    });

    it('invents no group: each named group appears in its document (alliances are named after their schools)', () => {
      const docs = documents();
      const unnamed = seedData.groups.filter((g) => {
        if (g.type === '联盟型' && g.leadSchoolId === null) return false;
        if (g.type === '跨学段合作式') return !g.partners.every((p) => docs[g.source].includes(p));
        return !docs[g.source].includes(normalizeText(g.name.replace(/^海勃湾区/, '')));
      });
      expect(unnamed.map((g) => g.name)).toEqual([]);
    });
  });
});
