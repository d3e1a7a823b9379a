import type { CatalogItems } from '../../functions/src/features/catalog/catalog-snapshots';
import type { SearchDocument } from '../../functions/src/features/catalog/domain/search/search-document';

/**
 * A deterministic synthetic set of school names in realistic Chinese patterns (city + district
 * + road or number + kind), generated on the fly for the benchmark and never stored.
 */
const CITIES = [
  '济南市',
  '青岛市',
  '乌海市',
  '北京市',
  '淄博市',
  '烟台市',
  '潍坊市',
  '临沂市',
  '济宁市',
  '泰安市',
  '威海市',
  '日照市',
  '德州市',
  '聊城市',
  '滨州市',
  '菏泽市',
  '枣庄市',
  '东营市',
  '呼和浩特市',
  '包头市',
  '石家庄市',
  '太原市',
  '郑州市',
  '合肥市',
  '南京市',
  '杭州市',
  '成都市',
  '武汉市',
  '长沙市',
  '西安市',
];
const DISTRICTS = [
  '市中区',
  '市北区',
  '历下区',
  '槐荫区',
  '天桥区',
  '历城区',
  '海勃湾区',
  '海淀区',
  '朝阳区',
  '东城区',
  '西城区',
  '高新区',
  '经开区',
  '城阳区',
  '黄岛区',
  '李沧区',
  '崂山区',
  '即墨区',
];
const ROADS = [
  '经一路',
  '经二路',
  '经五路',
  '经八路',
  '经十一路',
  '纬二路',
  '纬六路',
  '人民路',
  '解放路',
  '建设路',
  '胜利大街',
  '民生大街',
  '和平路',
  '文化路',
  '育英路',
  '泉城路',
  '黄河路',
  '长江路',
  '南上山街',
  '永长街',
  '燕山路',
  '花园路',
  '青年路',
  '中山路',
  '新华路',
];
const BRANDS = [
  '实验',
  '育英',
  '育才',
  '育秀',
  '育贤',
  '外国语',
  '启元',
  '弘毅',
  '广雅',
  '滨海',
  '泉景',
  '明德',
  '崇文',
  '博文',
  '树人',
  '培英',
  '新城',
  '东湖',
  '龙游湾',
  '凤凰',
];
const KINDS = ['小学', '中学', '初级中学', '实验学校', '九年一贯制学校', '小学分校', '中学东校区'];
const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十四',
  '二十一',
  '四十四',
  '四十七',
  '五十三',
  '六十五',
  '六十八',
];

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same names. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticSchool {
  id: string;
  name: string;
  aliases: string[];
  districtId: string;
  /** The city and district the name's locality words come from. */
  place: { city: string; name: string };
}

export function syntheticSchools(count: number, seed = 20261123): SyntheticSchool[] {
  const random = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const schools: SyntheticSchool[] = [];
  for (let i = 0; i < count; i++) {
    const city = pick(CITIES);
    const district = pick(DISTRICTS);
    const roll = random();
    const core =
      roll < 0.4 ? pick(ROADS) : roll < 0.7 ? `第${pick(NUMERALS)}` : roll < 0.9 ? pick(BRANDS) : `${pick(BRANDS)}${pick(ROADS)}`;
    const kind = pick(KINDS);
    const withDistrict = random() < 0.3;
    schools.push({
      id: `s${i.toString(36)}`,
      name: `${city}${withDistrict ? district : ''}${core}${kind}`,
      aliases: [],
      districtId: `d${CITIES.indexOf(city)}`,
      place: { city, name: district },
    });
  }
  return schools;
}

/**
 * Coordinates for 9 schools in 10 (the rest have none, as schools whose district entered no
 * location): each city's schools spread over 40 km × 40 km around a centre of its own, denser
 * towards it, so a city's centre cells hold well over a hundred schools, more than a real one.
 */
function syntheticLocations(docs: SearchDocument[], seed = 20261202): Array<{ lat: number; lng: number } | undefined> {
  const random = prng(seed);
  const centres = CITIES.map((_, i) => ({ lat: 23 + ((i * 7.3) % 20), lng: 103 + ((i * 5.9) % 20) }));
  return docs.map((d, i) => {
    const centre = centres[Number(d.districtId.slice(1))];
    const north = 20_000 * (random() + random() - 1);
    const east = 20_000 * (random() + random() - 1);
    if (i % 10 === 9) return undefined;
    const lat = centre.lat + north / 111_195;
    return {
      lat: Math.round(lat * 1e6) / 1e6,
      lng: Math.round((centre.lng + east / (111_195 * Math.cos((lat * Math.PI) / 180))) * 1e6) / 1e6,
    };
  });
}

/** A catalogue around the schools' documents: a district per city, and a group for every 50 schools. */
export function syntheticCatalog(docs: SearchDocument[]): CatalogItems {
  const districts = CITIES.map((city, i) => ({ kind: 'district' as const, id: `d${i}`, name: '市辖区', city, province: '某省' }));
  const groups = [];
  const memberships = [];
  for (let start = 0; start < docs.length; start += 50) {
    const lead = docs[start];
    const group = { kind: 'group' as const, id: `g${start / 50}`, name: `${lead.displayName}教育集团`, groupType: '1+X' as const };
    groups.push({ ...group, districtId: lead.districtId, leadSchoolId: lead.id, partners: [], source: 'synthetic' });
    for (const [i, doc] of docs.slice(start, start + 3).entries()) {
      memberships.push({
        kind: 'membership' as const,
        groupId: group.id,
        groupName: group.name,
        groupType: group.groupType,
        schoolId: doc.id,
        schoolName: doc.displayName,
        stage: '小学' as const,
        role: i === 0 ? ('lead' as const) : ('member' as const),
        districtId: lead.districtId,
      });
    }
  }
  const locations = syntheticLocations(docs);
  const schools = docs.map((d, i) => ({
    kind: 'school' as const,
    id: d.id,
    name: d.displayName,
    districtId: d.districtId,
    stage: '小学' as const,
    aliases: [],
    search: { names: d.names, latin: d.latin },
    ...(locations[i] ? { location: locations[i] } : {}),
  }));
  return { districts, groups, schools, memberships };
}
