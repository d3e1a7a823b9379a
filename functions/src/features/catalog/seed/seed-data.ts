import type { District, Group, MemberRole, School } from '../../../../../shared';

/**
 * Demo data: every district, group and school named in the four seed documents
 * (docs/sources/), and nothing else. `source` points at the document each record comes from:
 *   000 青岛市北区 初中全域集团化 (半岛教育)      001 济南市中区 集团化办学签约 (舜网)
 *   002 乌海市海勃湾区 集团化办学 (政府信息公开)   003 北京海淀区 36个教育集团 (traditional script)
 * Names are kept as the documents write them; aliases are other names the same document uses.
 */
export interface SeedMembership {
  groupId: string;
  schoolId: string;
  role: MemberRole;
}

export interface SeedData {
  districts: District[];
  schools: School[];
  groups: Group[];
  memberships: SeedMembership[];
}

const JN = 'jinan-shizhong';
const QD = 'qingdao-shibei';
const WH = 'wuhai-haibowan';
const HD = 'beijing-haidian';

const districts: District[] = [
  { id: JN, name: '市中区', city: '济南市', province: '山东省', divisionCode: '370103' },
  { id: QD, name: '市北区', city: '青岛市', province: '山东省', divisionCode: '370203' },
  { id: WH, name: '海勃湾区', city: '乌海市', province: '内蒙古自治区', divisionCode: '150302' },
  {
    id: HD,
    name: '海淀区',
    city: '北京市',
    province: '北京市',
    divisionCode: '110108',
    // 003: "共建立36个教育集团,涉及140余个校址,涵蓋100余所成员校,19万余名中小学生"; no group is named.
    reported: {
      groups: 36,
      sites: 140,
      memberSchools: 100,
      students: 190000,
      atLeast: true,
      source: '003',
      publisher: '区教委',
      citation: '海淀区教委，2022 年 7 月（海淀教育微信公众号）',
    },
  },
];

type SchoolRow = [id: string, name: string, stage: School['stage'], aliases?: string[]];

const school = (districtId: string, [id, name, stage, aliases = []]: SchoolRow): School => ({
  id,
  name,
  districtId,
  stage,
  aliases,
  campuses: [],
});

const jinanSchools: SchoolRow[] = [
  ['jn-yuying-ms', '济南育英中学', '中学', ['育英中学']],
  ['jn-yuxiu-ms', '济南育秀中学', '中学'],
  ['jn-no68-ms', '济南第六十八中学', '中学', ['六十八中']],
  ['jn-shiyan-jhs', '济南实验初级中学', '初中', ['实验初中']],
  ['jn-quanjing-ms', '济南泉景中学', '中学', ['泉景中学']],
  ['jn-no14-ms', '济南第十四中学', '中学', ['十四中学']],
  ['jn-jingwulu-ps', '济南市经五路小学', '小学', ['经五路小学']],
  ['jn-jingwei-ps', '济南市经纬小学', '小学'],
  ['jn-jingbalu-ps', '济南市经八路小学', '小学', ['经八路小学']],
  ['jn-jingshiyilu-ps', '济南市经十一路小学', '小学'],
  ['jn-dougou-ps', '济南市陡沟小学', '小学'],
  ['jn-weierlu-ps', '济南市纬二路小学', '小学'],
  ['jn-yuhui-ps', '济南市育晖小学', '小学'],
  ['jn-fenshuiling-ps', '济南市分水岭小学', '小学'],
  ['jn-nanshangshanjie-ps', '济南市南上山街小学', '小学'],
  ['jn-quanhai-ps', '济南市泉海小学', '小学'],
  ['jn-jiuqu-ps', '济南市九曲小学', '小学'],
  ['jn-shenglidajie-ps', '济南市胜利大街小学', '小学'],
  ['jn-yuxiu-ps', '济南市育秀小学', '小学'],
  ['jn-quanjing-ps', '济南泉景中学小学部', '小学'],
  ['jn-yuxian-ps', '济南市育贤小学', '小学'],
  ['jn-houlong-ps', '济南市后龙小学', '小学'],
  ['jn-minshengdajie-ps', '济南市民生大街小学', '小学'],
  ['jn-yongchangjie-ps', '济南市永长街回民小学', '小学'],
];

// 000 is about 初中 groups ("初中全域集团化"), so its schools are recorded at that stage.
const qingdaoSchools: SchoolRow[] = [
  ['qd-no2-shiyan-jhs', '青岛第二实验初级中学', '初中'],
  ['qd-qiyuan', '青岛启元学校', '初中', ['启元学校']],
  ['qd-no65-ms', '青岛第六十五中学', '初中'],
  ['qd-no47-ms', '青岛第四十七中学', '初中'],
  ['qd-no44-ms', '青岛第四十四中学', '初中'],
  ['qd-guangya-ms', '青岛广雅中学', '初中'],
  ['qd-hongyi-ms', '青岛弘毅中学', '初中', ['弘毅中学']],
  ['qd-no21-ms', '青岛第二十一中学', '初中'],
  ['qd-no53-ms', '青岛第五十三中学', '初中'],
  ['qd-shibei-ms', '青岛市北中学', '初中', ['市北中学']],
  ['qd-shibei-shiyan-jhs', '青岛市北实验初中', '初中'],
  ['qd-binhai', '青岛滨海学校', '初中', ['滨海学校']],
  // Named among the new schools ("第四实验初中"), in no group.
  ['qd-no4-shiyan-jhs', '青岛第四实验初中', '初中', ['第四实验初中']],
];

// 002 names the groups by their lead schools only (一小/二中/五小, "海区五小").
const wuhaiSchools: SchoolRow[] = [
  ['wh-no1-ps', '海勃湾区一小', '小学', ['一小']],
  ['wh-no2-ms', '海勃湾区二中', '中学', ['二中']],
  ['wh-no5-ps', '海勃湾区五小', '小学', ['五小', '海区五小']],
];

// 003 names five schools, as the start of its group schooling ("以中关村二小承办上地实验小学、
// 五一小学合并永定路一小、二小等为开端"). 承办 and 合并 are how 海淀 built groups, but the document
// names no group they formed, gives none a type and does not say which of them exist today, so
// they are schools only (no group, no membership). All five are primary schools (小学/小).
// The document writes 永定路二小 elliptically ("永定路一小、二小"); the seed test knows that form.
const haidianSchools: SchoolRow[] = [
  ['hd-zhongguancun-no2-ps', '中关村二小', '小学'],
  ['hd-shangdi-shiyan-ps', '上地实验小学', '小学'],
  ['hd-wuyi-ps', '五一小学', '小学'],
  ['hd-yongdinglu-no1-ps', '永定路一小', '小学'],
  ['hd-yongdinglu-no2-ps', '永定路二小', '小学'],
];

const schools: School[] = [
  ...jinanSchools.map((row) => school(JN, row)),
  ...qingdaoSchools.map((row) => school(QD, row)),
  ...wuhaiSchools.map((row) => school(WH, row)),
  ...haidianSchools.map((row) => school(HD, row)),
];
// 002: "2023年9月五小一年级509名同学全部在龙游湾校区就读".
schools.find((s) => s.id === 'wh-no5-ps')!.campuses.push({ id: 'longyouwan', name: '龙游湾校区' });

type GroupRow = {
  id: string;
  name: string;
  type: Group['type'];
  districtId: string;
  source: string;
  lead: string | null;
  members?: string[];
  alliance?: string[];
  partners?: string[];
};

const groupRows: GroupRow[] = [
  // 001: 九大教育集团 + 2 联盟学校, "1+X" (名校+潜力学校 / 名校+优质学校); the 名校 leads and names the group.
  { id: 'jn-yuying', name: '育英教育集团', type: '1+X', districtId: JN, source: '001', lead: 'jn-yuying-ms', members: ['jn-yuxiu-ms'] },
  {
    id: 'jn-yuying-alliance',
    name: '育英教育集团联盟学校',
    type: '联盟型',
    districtId: JN,
    source: '001',
    lead: 'jn-yuying-ms',
    alliance: ['jn-no68-ms'],
  },
  { id: 'jn-shiyan', name: '实验教育集团', type: '1+X', districtId: JN, source: '001', lead: 'jn-shiyan-jhs', members: ['jn-quanjing-ms'] },
  {
    id: 'jn-shiyan-alliance',
    name: '实验教育集团联盟学校',
    type: '联盟型',
    districtId: JN,
    source: '001',
    lead: 'jn-shiyan-jhs',
    alliance: ['jn-no14-ms'],
  },
  {
    id: 'jn-jingwu',
    name: '经五教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-jingwulu-ps',
    members: ['jn-jingwei-ps', 'jn-jingbalu-ps'],
  },
  {
    id: 'jn-jingshiyi',
    name: '经十一教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-jingshiyilu-ps',
    members: ['jn-dougou-ps'],
  },
  {
    id: 'jn-weier',
    name: '纬二教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-weierlu-ps',
    members: ['jn-yuhui-ps', 'jn-fenshuiling-ps'],
  },
  {
    id: 'jn-nanshangshan',
    name: '南上山教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-nanshangshanjie-ps',
    members: ['jn-quanhai-ps', 'jn-jiuqu-ps'],
  },
  {
    id: 'jn-shengli',
    name: '胜利教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-shenglidajie-ps',
    members: ['jn-yuxiu-ps', 'jn-quanjing-ps'],
  },
  { id: 'jn-yuxian', name: '育贤教育集团', type: '1+X', districtId: JN, source: '001', lead: 'jn-yuxian-ps', members: ['jn-houlong-ps'] },
  {
    id: 'jn-minsheng',
    name: '民生教育集团',
    type: '1+X',
    districtId: JN,
    source: '001',
    lead: 'jn-minshengdajie-ps',
    members: ['jn-yongchangjie-ps'],
  },
  // 000: 4 创优型 groups (members not listed: lead only).
  { id: 'qd-no2-shiyan', name: '青岛第二实验初级中学教育集团', type: '创优型', districtId: QD, source: '000', lead: 'qd-no2-shiyan-jhs' },
  { id: 'qd-qiyuan', name: '青岛启元学校教育集团', type: '创优型', districtId: QD, source: '000', lead: 'qd-qiyuan' },
  { id: 'qd-no65', name: '青岛第六十五中学教育集团', type: '创优型', districtId: QD, source: '000', lead: 'qd-no65-ms' },
  { id: 'qd-no47', name: '青岛第四十七中学教育集团', type: '创优型', districtId: QD, source: '000', lead: 'qd-no47-ms' },
  // 000: 3 联盟型 groups "集体订立盟约": equal partners, no lead; the document gives them no names,
  // so each is named after its schools.
  {
    id: 'qd-alliance-44-guangya',
    name: '青岛第四十四中学·青岛广雅中学联盟',
    type: '联盟型',
    districtId: QD,
    source: '000',
    lead: null,
    alliance: ['qd-no44-ms', 'qd-guangya-ms'],
  },
  {
    id: 'qd-alliance-hongyi-21',
    name: '青岛弘毅中学·青岛第二十一中学联盟',
    type: '联盟型',
    districtId: QD,
    source: '000',
    lead: null,
    alliance: ['qd-hongyi-ms', 'qd-no21-ms'],
  },
  {
    id: 'qd-alliance-53-shibei',
    name: '青岛第五十三中学·青岛市北中学·青岛市北实验初中联盟',
    type: '联盟型',
    districtId: QD,
    source: '000',
    lead: null,
    alliance: ['qd-no53-ms', 'qd-shibei-ms', 'qd-shibei-shiyan-jhs'],
  },
  // 000: the 跨学段合作式 representative pair; 山东青大教育集团 is a municipal group, not a district school.
  // 青岛九中 is the other 市属教育集团 the document says was brought in ("引进山东青大教育集团、青岛九中等
  // 市属教育集团"), but it gives 九中 no school of 市北区 to work with and no group type, so it is not
  // a group here (see NOT_IN_SEED in the seed test).
  {
    id: 'qd-qingda-binhai',
    name: '山东青大教育集团·青岛滨海学校跨学段合作',
    type: '跨学段合作式',
    districtId: QD,
    source: '000',
    lead: null,
    members: ['qd-binhai'],
    partners: ['山东青大教育集团'],
  },
  // 002: 融合型, "优质品牌学校+薄弱学校", 一校两区.
  { id: 'wh-no1', name: '海勃湾区一小教育集团', type: '融合型', districtId: WH, source: '002', lead: 'wh-no1-ps' },
  { id: 'wh-no2', name: '海勃湾区二中教育集团', type: '融合型', districtId: WH, source: '002', lead: 'wh-no2-ms' },
  { id: 'wh-no5', name: '海勃湾区五小教育集团', type: '融合型', districtId: WH, source: '002', lead: 'wh-no5-ps' },
];

const groups: Group[] = groupRows.map(({ id, name, type, districtId, source, lead, partners = [] }) => ({
  id,
  name,
  type,
  districtId,
  leadSchoolId: lead,
  partners,
  source,
}));

const memberships: SeedMembership[] = groupRows.flatMap((g) => [
  ...(g.lead ? [{ groupId: g.id, schoolId: g.lead, role: 'lead' as const }] : []),
  ...(g.members ?? []).map((schoolId) => ({ groupId: g.id, schoolId, role: 'member' as const })),
  ...(g.alliance ?? []).map((schoolId) => ({ groupId: g.id, schoolId, role: 'alliance' as const })),
]);

export const seedData: SeedData = { districts, schools, groups, memberships };
