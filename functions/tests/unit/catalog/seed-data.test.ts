import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DistrictSchema, GroupSchema, SchoolSchema } from '../../../../shared';
import { normalizeText } from '../../../src/features/catalog/domain/search/normalize';
import { seedData } from '../../../src/features/catalog/seed/seed-data';

const SOURCES = join(__dirname, '..', '..', '..', '..', 'docs', 'sources');

// 003 was scraped from a page that glosses some characters with pinyin: 區(qū), 中關(guān)村.
const PINYIN_GLOSS = /\([a-z\u00c0-\u024f]+\)/giu;

/** The four source documents as written, keyed by number ('003'), without the pinyin glosses. */
function rawDocuments(): Record<string, string> {
  const docs: Record<string, string> = {};
  for (const file of readdirSync(SOURCES).filter((f) => f.endsWith('.txt')))
    docs[file.slice(0, 3)] = readFileSync(join(SOURCES, file), 'utf8').replace(PINYIN_GLOSS, '');
  return docs;
}

/** The same, normalised (003 is in traditional script). */
function documents(): Record<string, string> {
  return Object.fromEntries(Object.entries(rawDocuments()).map(([id, text]) => [id, normalizeText(text)]));
}

/** The document a district's records come from: its groups', or its reported figures' (海淀). */
const sourceOf = (districtId: string) =>
  seedData.groups.find((g) => g.districtId === districtId)?.source ?? seedData.districts.find((d) => d.id === districtId)?.reported?.source;

/**
 * Names the documents write in a shortened form that the seed spells out, as written there:
 * 003 lists "永定路一小、二小".
 */
const WRITTEN_AS: Record<string, string> = { 永定路二小: '永定路一小、二小' };

// A school name is a run of characters ending in a school word (or 一小/二中, 海勃湾区's and 海淀's
// short forms). A clause is cut at punctuation and at the verbs and conjunctions that sit
// between names in these texts ("中关村二小承办上地实验小学", "育英中学与六十八中").
const SCHOOL_NAME = /[\p{Script=Han}]*(?:小学部|小学|初级中学|高级中学|中学|实验初中|学校|[一二三四五六七八九十]+[小中](?!学))/gu;
const CLAUSE_BREAK = /[^\p{Script=Han}]+|与|和|及|承办|合并|在|为|通过|引进|等|是|了|的|划入|以|暨|现有|月/u;
// Reviewed by hand: 中小学(校) is the stage, and a bare "…学校" is a name only after its city
// (青岛滨海学校); otherwise it is "成员学校", "薄弱学校" and the like. Group names are tested below.
const isSchoolName = (name: string) =>
  !/中小学校?$/.test(name) && !name.includes('教育集团') && (!name.endsWith('学校') || /^(青岛|济南|北京|乌海)/.test(name));

/** Every school name the regex finds in a document, normalised. */
function namesIn(text: string): string[] {
  const clauses = text.split(CLAUSE_BREAK).flatMap((piece) => normalizeText(piece).split(CLAUSE_BREAK));
  return [...new Set(clauses.flatMap((clause) => [...clause.matchAll(SCHOOL_NAME)].map((m) => m[0])))].filter(isSchoolName);
}

/** School names the documents use that are not seed schools, each with why. */
const NOT_IN_SEED: Record<string, string> = {
  '000:青岛九中': 'a 市属教育集团 brought in by 跨区域合作; the document gives it no 市北区 school and no group type',
  '001:祝济南市经八路小学': 'regex catch of "祝济南市经八路小学…越来越好": 济南市经八路小学, in the seed',
  '001:后经八路小学': 'regex catch of "以后经八路小学的学生": 经八路小学, alias of 济南市经八路小学',
  '001:学校里就能有经五路小学': 'regex catch of "学校里就能有经五路小学的老师": 经五路小学, alias of 济南市经五路小学',
  '001:济南经五路小学': "the lead sentence's short form of 济南市经五路小学, in the seed",
  '003:二小': 'the second half of "永定路一小、二小": 永定路二小, in the seed',
};

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

  it('lists 海勃湾区 as three 融合型 groups, and 五小 with its 龙游湾校区', () => {
    expect(groupsOf('wuhai-haibowan').map((g) => g.type)).toEqual(['融合型', '融合型', '融合型']);
    expect(seedData.schools.find((s) => s.id === 'wh-no5-ps')?.campuses).toEqual([{ id: 'longyouwan', name: '龙游湾校区' }]);
  });

  it('lists 海淀 by its reported figures and the five primary schools its group schooling began with, in no group', () => {
    const haidian = seedData.schools.filter((s) => s.districtId === 'beijing-haidian');
    expect(haidian.map((s) => s.name).sort()).toEqual(['上地实验小学', '中关村二小', '五一小学', '永定路一小', '永定路二小'].sort());
    expect(new Set(haidian.map((s) => s.stage))).toEqual(new Set(['小学']));
    // 003 says 中关村二小 承办 上地实验小学 and 五一小学 合并 永定路一小、二小, but names no group.
    expect(groupsOf('beijing-haidian')).toHaveLength(0);
    expect(seedData.districts.find((d) => d.id === 'beijing-haidian')?.reported).toMatchObject({
      groups: 36,
      students: 190000,
      source: '003',
    });
  });

  it('gives every district its GB/T 2260 division code', () => {
    expect(Object.fromEntries(seedData.districts.map((d) => [d.id, d.divisionCode]))).toEqual({
      'jinan-shizhong': '370103',
      'qingdao-shibei': '370203',
      'wuhai-haibowan': '150302',
      'beijing-haidian': '110108',
    });
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
      // Act
      const missing = seedData.schools.filter((s) => {
        const text = docs[sourceOf(s.districtId)!];
        return ![s.name, ...s.aliases, WRITTEN_AS[s.name] ?? s.name].some((n) => text.includes(normalizeText(n)));
      });
      // Assess
      expect(missing.map((s) => s.name)).toEqual([]);
    });

    it('leaves out no school: each name a document uses is a seed name or alias there, or in NOT_IN_SEED', () => {
      // Prepare
      const known = (source: string) =>
        new Set(
          seedData.schools
            .filter((s) => sourceOf(s.districtId) === source)
            .flatMap((s) => [s.name, ...s.aliases])
            .map(normalizeText),
        );
      // Act
      const found = Object.entries(rawDocuments()).flatMap(([source, text]) => namesIn(text).map((name) => ({ source, name })));
      const unexplained = found.filter(({ source, name }) => !known(source).has(name) && !(`${source}:${name}` in NOT_IN_SEED));
      const stale = Object.keys(NOT_IN_SEED).filter((key) => !found.some(({ source, name }) => `${source}:${name}` === key));
      // Assess
      expect(unexplained).toEqual([]);
      expect(stale).toEqual([]);
      // The regex does find the names the seed is made of, e.g. the four 海淀 names written in full.
      expect(found.filter((f) => f.source === '003').map((f) => f.name)).toEqual(
        expect.arrayContaining(['中关村二小', '上地实验小学', '五一小学', '永定路一小']),
      );
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
