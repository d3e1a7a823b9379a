import type { ApiResponse } from '../../../shared';
import { callEndpoint } from './endpoint';

/** One typed function per catalog endpoint; every answer's type is the API contract's (shared/api). */

export function listDistricts(): Promise<ApiResponse<'GET /api/districts'>> {
  return callEndpoint('GET /api/districts');
}

export function listDistrictGroups(districtId: string): Promise<ApiResponse<'GET /api/districts/:id/groups'>> {
  return callEndpoint('GET /api/districts/:id/groups', { params: { id: districtId } });
}

export function getGroup(groupId: string): Promise<ApiResponse<'GET /api/groups/:id'>> {
  return callEndpoint('GET /api/groups/:id', { params: { id: groupId } });
}

export interface SchoolSearchParams {
  q?: string;
  district?: string;
  limit?: number;
  cursor?: string | null;
}

export function searchSchools({ q, district, limit, cursor }: SchoolSearchParams): Promise<ApiResponse<'GET /api/schools'>> {
  return callEndpoint('GET /api/schools', { query: { q, district, limit, cursor } });
}

export function getSchool(schoolId: string): Promise<ApiResponse<'GET /api/schools/:id'>> {
  return callEndpoint('GET /api/schools/:id', { params: { id: schoolId } });
}

/** 附近的学校: the position (GCJ-02) goes in the query of this one request and nowhere else. */
export function nearbySchools(point: { lat: number; lng: number }, limit?: number): Promise<ApiResponse<'GET /api/schools/nearby'>> {
  return callEndpoint('GET /api/schools/nearby', { query: { lat: point.lat, lng: point.lng, limit } });
}
