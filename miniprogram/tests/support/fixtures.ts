import {
  SURVEY_TEMPLATES,
  type DistrictList,
  type GroupDetail,
  type RotationBatch,
  type SchoolDetail,
  type SchoolHit,
  type SchoolSearchResult,
  type SurveyDefinition,
} from '../../../shared';

/** Answers shaped like the seed data, for pages tested against a mocked API module. */

export const districts: DistrictList = {
  items: [
    { id: 'jinan-shizhong', name: '市中区', city: '济南市', province: '山东省', groupCount: 8, schoolCount: 24 },
    { id: 'wuhai-haibowan', name: '海勃湾区', city: '乌海市', province: '内蒙古自治区', groupCount: 3, schoolCount: 10 },
  ],
};

export const jingbaluHit: SchoolHit = {
  id: 'jn-jingbalu-ps',
  name: '济南市经八路小学',
  districtId: 'jinan-shizhong',
  stage: '小学',
  groups: [{ id: 'jn-jingwu', name: '经五教育集团', type: '1+X', role: 'member' }],
};

export const jingwuluHit: SchoolHit = {
  id: 'jn-jingwulu-ps',
  name: '济南市经五路小学',
  districtId: 'jinan-shizhong',
  stage: '小学',
  groups: [{ id: 'jn-jingwu', name: '经五教育集团', type: '1+X', role: 'lead' }],
};

export const page = (items: SchoolHit[], nextCursor: string | null = null): SchoolSearchResult => ({ items, nextCursor });

export const jingbaluDetail: SchoolDetail = { ...jingbaluHit, aliases: ['经八路小学'], campuses: [] };

export const wuhaiNo5Detail: SchoolDetail = {
  id: 'wh-no5-ps',
  name: '海勃湾区五小',
  districtId: 'wuhai-haibowan',
  stage: '小学',
  groups: [],
  aliases: ['海区五小'],
  campuses: [{ id: 'wh-no5-longyouwan', name: '龙游湾校区' }],
};

export const jingwuGroup: GroupDetail = {
  id: 'jn-jingwu',
  name: '经五教育集团',
  type: '1+X',
  districtId: 'jinan-shizhong',
  leadSchool: { id: 'jn-jingwulu-ps', name: '济南市经五路小学' },
  partners: [],
  members: [
    { schoolId: 'jn-jingwulu-ps', name: '济南市经五路小学', role: 'lead', stage: '小学' },
    { schoolId: 'jn-jingwei-ps', name: '济南市经纬小学', role: 'member', stage: '小学' },
    { schoolId: 'jn-jingbalu-ps', name: '济南市经八路小学', role: 'member', stage: '小学' },
  ],
};

export const allianceGroup: GroupDetail = {
  id: 'qd-qingda-binhai',
  name: '青大附中滨海教育联盟',
  type: '跨学段合作式',
  districtId: 'qingdao-shibei',
  leadSchool: null,
  partners: ['山东青大教育集团'],
  members: [{ schoolId: 'qd-binhai-ms', name: '青岛滨海学校', role: 'alliance', stage: '初中' }],
};

/** The 5-point parent template for 经五's parents, open since an hour ago and for a week. */
export function openParentSurvey(): SurveyDefinition {
  const template = SURVEY_TEMPLATES.find((t) => t.id === 'parent-satisfaction-5')!;
  return {
    title: template.title,
    description: template.description,
    audience: { districtId: 'jinan-shizhong', groupIds: ['jn-jingwu'], schoolIds: [], respondents: ['parent'] },
    opensAt: new Date(Date.now() - 3600_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    anonymous: true,
    questions: template.questions,
  };
}

/** A 市中区 rotation batch (交流轮岗名单), a draft of 3 teachers unless the test says otherwise. */
export const rotationBatch = (overrides: Partial<RotationBatch> = {}): RotationBatch => ({
  id: 'rb-1',
  districtId: 'jinan-shizhong',
  groupId: null,
  title: '2026 学年交流轮岗',
  schoolYear: '2026-2027',
  noticeStart: '2026-11-23',
  noticeEnd: '2026-11-30',
  status: 'draft',
  supersedes: null,
  supersededBy: null,
  assignmentCount: 3,
  ...overrides,
});
