import type { AdminGroup, AdminMembership, AdminSchool, DistrictCatalog } from '../../../shared';

/** A small district catalogue (two groups, three schools) for the catalogue admin pages. */

export const adminSchool = (overrides: Partial<AdminSchool> = {}): AdminSchool => ({
  id: 's-jingbalu',
  districtId: 'd-370103',
  name: '经八路小学',
  stage: '小学',
  aliases: [],
  address: '经八路 1 号',
  location: { lat: 36.65, lng: 117.0 },
  phone: '0531-86012345',
  intro: null,
  students: 1200,
  families: 1100,
  campuses: [],
  version: 3,
  archivedAt: null,
  ...overrides,
});

export const adminGroup = (overrides: Partial<AdminGroup> = {}): AdminGroup => ({
  id: 'g-jingwu',
  districtId: 'd-370103',
  name: '经五教育集团',
  type: '创优型',
  leadSchoolId: 's-jingwulu',
  partners: [],
  version: 1,
  archivedAt: null,
  ...overrides,
});

const membership = (groupId: string, groupName: string, schoolId: string, schoolName: string, role: AdminMembership['role']) => ({
  groupId,
  groupName,
  schoolId,
  schoolName,
  role,
  fromTerm: null,
  untilTerm: null,
});

export const districtCatalog = (overrides: Partial<DistrictCatalog> = {}): DistrictCatalog => ({
  district: { id: 'd-370103', name: '市中区', city: '济南市', province: '山东省', divisionCode: '370103', version: 1 },
  currentTerm: '2026-1',
  nextTerm: '2026-2',
  groupTypes: { builtin: ['创优型', '联盟型'], own: [] },
  groups: [adminGroup(), adminGroup({ id: 'g-shunhe', name: '舜和教育集团', leadSchoolId: null, type: '联盟型' })],
  schools: [
    adminSchool(),
    adminSchool({ id: 's-jingwulu', name: '经五路小学', version: 1 }),
    adminSchool({ id: 's-shunhe', name: '舜和小学', version: 1 }),
  ],
  memberships: [
    membership('g-jingwu', '经五教育集团', 's-jingwulu', '经五路小学', 'lead'),
    membership('g-jingwu', '经五教育集团', 's-jingbalu', '经八路小学', 'member'),
    membership('g-shunhe', '舜和教育集团', 's-shunhe', '舜和小学', 'member'),
  ],
  ...overrides,
});
