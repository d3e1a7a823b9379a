import type {
  CampusesBody,
  CatalogImportBody,
  CatalogImportPreview,
  DistrictCatalog,
  GroupCatalog,
  GroupCreateBody,
  GroupUpdateBody,
  GroupWritten,
  MoveWritten,
  SchoolFields,
  SchoolMoveBody,
  SchoolUpdateBody,
  SchoolWritten,
} from '../../../shared';
import { callEndpoint } from './endpoint';
import { openExport } from './export-file';

/** One typed function per catalogue admin endpoint (shared/catalog/catalog-admin.ts), each called by its contract key. */
const call = callEndpoint;

export function getDistrictCatalog(districtId: string): Promise<DistrictCatalog> {
  return call('GET /api/admin/districts/:id/catalog', { params: { id: districtId } });
}

export function getGroupCatalog(groupId: string): Promise<GroupCatalog> {
  return call('GET /api/admin/groups/:id/catalog', { params: { id: groupId } });
}

/** The district's own group types (the built-in ones are always offered beside them). */
export function putGroupTypes(districtId: string, version: number, types: string[]): Promise<unknown> {
  return call('PUT /api/admin/districts/:id/group-types', { params: { id: districtId }, body: { version, types } });
}

export function createSchool(districtId: string, fields: SchoolFields): Promise<SchoolWritten> {
  return call('POST /api/admin/districts/:id/schools', { params: { id: districtId }, body: fields });
}

/** Every field as it should be afterwards: a field left out is cleared. */
export function updateSchool(schoolId: string, body: SchoolUpdateBody): Promise<SchoolWritten> {
  return call('PUT /api/admin/schools/:id', { params: { id: schoolId }, body });
}

/** The whole list: a campus left out is removed. */
export function putCampuses(schoolId: string, body: CampusesBody): Promise<SchoolWritten> {
  return call('PUT /api/admin/schools/:id/campuses', { params: { id: schoolId }, body });
}

export function archiveSchool(schoolId: string, version: number): Promise<SchoolWritten> {
  return call('POST /api/admin/schools/:id/archive', { params: { id: schoolId }, body: { version } });
}

/** Refused 409 IN_USE (with the reason) when the school has answers, batches or scores. */
export function deleteSchool(schoolId: string, version: number): Promise<unknown> {
  return call('DELETE /api/admin/schools/:id', { params: { id: schoolId }, query: { version: String(version) } });
}

export function createGroup(districtId: string, body: GroupCreateBody): Promise<GroupWritten> {
  return call('POST /api/admin/districts/:id/groups', { params: { id: districtId }, body });
}

/** A rename rewrites the name on every membership, of every term. */
export function updateGroup(groupId: string, body: GroupUpdateBody): Promise<GroupWritten> {
  return call('PUT /api/admin/groups/:id', { params: { id: groupId }, body });
}

export function archiveGroup(groupId: string, version: number): Promise<GroupWritten> {
  return call('POST /api/admin/groups/:id/archive', { params: { id: groupId }, body: { version } });
}

export function deleteGroup(groupId: string, version: number): Promise<unknown> {
  return call('DELETE /api/admin/groups/:id', { params: { id: groupId }, query: { version: String(version) } });
}

/** From `fromTerm` on the school is in `toGroupId` (null: in no group); earlier terms keep theirs. */
export function moveSchool(schoolId: string, body: SchoolMoveBody): Promise<MoveWritten> {
  return call('POST /api/admin/schools/:id/moves', { params: { id: schoolId }, body });
}

/** `apply: false` previews; `apply: true` writes it all, or nothing if any row has an error. */
export function importCatalog(districtId: string, body: CatalogImportBody): Promise<CatalogImportPreview> {
  return call('POST /api/admin/districts/:id/catalog/import', { params: { id: districtId }, body });
}

/** The import template (file endpoint: GET /api/catalog/template?format=xlsx|csv). */
export function openCatalogTemplate(format: 'xlsx' | 'csv' = 'xlsx'): Promise<void> {
  return openExport(`/catalog/template?format=${format}`, `学校与集团导入模板.${format}`);
}

/** The district's whole catalogue as XLSX, in the template's columns (file endpoint). */
export function openCatalogExport(districtId: string, districtName: string): Promise<void> {
  return openExport(`/admin/districts/${encodeURIComponent(districtId)}/catalog/export`, `${districtName}学校与集团.xlsx`);
}
