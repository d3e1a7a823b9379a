import type { DistrictList, GroupDetail, GroupList, SchoolDetail, SchoolSearchResult } from '../../../shared';
import { request } from './request';

/** One typed function per catalog endpoint; shapes come from shared/catalog (types only). */

export function listDistricts(): Promise<DistrictList> {
  return request({ path: '/districts' });
}

export function listDistrictGroups(districtId: string): Promise<GroupList> {
  return request({ path: `/districts/${encodeURIComponent(districtId)}/groups` });
}

export function getGroup(groupId: string): Promise<GroupDetail> {
  return request({ path: `/groups/${encodeURIComponent(groupId)}` });
}

export interface SchoolSearchParams {
  q?: string;
  district?: string;
  limit?: number;
  cursor?: string | null;
}

export function searchSchools({ q, district, limit, cursor }: SchoolSearchParams): Promise<SchoolSearchResult> {
  return request({ path: '/schools', query: { q, district, limit, cursor } });
}

export function getSchool(schoolId: string): Promise<SchoolDetail> {
  return request({ path: `/schools/${encodeURIComponent(schoolId)}` });
}
