import Taro from '@tarojs/taro';

/** Page paths in one place, so a move into a subpackage later touches only this file. */
export const schoolPageUrl = (id: string) => `/pages/school/index?id=${encodeURIComponent(id)}`;
export const groupPageUrl = (id: string) => `/pages/group/index?id=${encodeURIComponent(id)}`;

export function openSchool(id: string): void {
  void Taro.navigateTo({ url: schoolPageUrl(id) });
}

export function openGroup(id: string): void {
  void Taro.navigateTo({ url: groupPageUrl(id) });
}

export const ME_PAGE = '/packages/me/index';
export const PRIVACY_PAGE = '/packages/me/privacy/index';
export const ADMIN_TEACHERS_PAGE = '/packages/admin/teachers/index';

export function openPage(url: string): void {
  void Taro.navigateTo({ url });
}
export const MY_SURVEYS_PAGE = '/packages/survey/list/index';
export const ADMIN_SURVEYS_PAGE = '/packages/survey/admin/index';
export const ENROLLMENT_PAGE = '/packages/survey/enrollment/index';
export const answerPageUrl = (id: string, schoolId: string) =>
  `/packages/survey/answer/index?id=${encodeURIComponent(id)}&school=${encodeURIComponent(schoolId)}`;
export const resultsPageUrl = (id: string) => `/packages/survey/results/index?id=${encodeURIComponent(id)}`;
export const MY_NEWS_PAGE = '/packages/news/list/index';
export const groupNewsPageUrl = (groupId: string) => `/packages/news/list/index?group=${encodeURIComponent(groupId)}`;
export const newsPageUrl = (id: string) => `/packages/news/detail/index?id=${encodeURIComponent(id)}`;
export const ADMIN_NEWS_PAGE = '/packages/news/admin/index';
export const newsEditorUrl = (groupId: string, id?: string) =>
  `/packages/news/admin/edit/index?group=${encodeURIComponent(groupId)}${id ? `&id=${encodeURIComponent(id)}` : ''}`;
export const EVALUATION_ROUNDS_PAGE = '/packages/evaluation/rounds/index';
export const roundPageUrl = (id: string) => `/packages/evaluation/round/index?id=${encodeURIComponent(id)}`;
export const groupReportPageUrl = (roundId: string, groupId: string) =>
  `/packages/evaluation/group/index?round=${encodeURIComponent(roundId)}&group=${encodeURIComponent(groupId)}`;
export const ROTATION_LIST_PAGE = '/packages/rotation/list/index';
export const MY_ROTATION_PAGE = '/packages/rotation/mine/index';
export const ADMIN_ROTATION_PAGE = '/packages/rotation/admin/index';
export const MY_OBJECTIONS_PAGE = '/packages/rotation/my-objections/index';
export const rotationListUrl = (districtId: string) => `${ROTATION_LIST_PAGE}?districtId=${encodeURIComponent(districtId)}`;
export const rotationDetailUrl = (id: string) => `/packages/rotation/detail/index?id=${encodeURIComponent(id)}`;
export const objectionUrl = (batchId: string, assignmentId?: string) =>
  `/packages/rotation/objection/index?batch=${encodeURIComponent(batchId)}${assignmentId ? `&assignment=${encodeURIComponent(assignmentId)}` : ''}`;
export const rotationComplianceUrl = (districtId: string) =>
  `/packages/rotation/compliance/index?districtId=${encodeURIComponent(districtId)}`;
export const CATALOG_HOME_PAGE = '/packages/catalog/home/index';
const withQuery = (path: string, query: Record<string, string | undefined>) =>
  `${path}?${Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')}`;
export const catalogSchoolUrl = (districtId: string, schoolId?: string) =>
  withQuery('/packages/catalog/school/index', { district: districtId, id: schoolId });
export const catalogGroupUrl = (districtId: string, groupId?: string) =>
  withQuery('/packages/catalog/group/index', { district: districtId, id: groupId });
export const catalogMoveUrl = (districtId: string, schoolId: string) =>
  withQuery('/packages/catalog/move/index', { district: districtId, id: schoolId });
export const catalogImportUrl = (districtId: string) => withQuery('/packages/catalog/import/index', { district: districtId });
export const CATALOG_GROUP_VIEW_PAGE = '/packages/catalog/group-view/index';
export const NEARBY_PAGE = '/packages/nearby/index';
