import type { SurveyDefinition } from '../../../../shared';
import { ApiError } from '../../errors';
import type { CatalogRepository } from '../catalog/catalog-repository';

export interface AudienceIssue {
  /** Where the id sits in the create body, e.g. definition.audience.schoolIds.0 */
  path: string;
  message: string;
}

/** An audience whose places do not lie inside each other (400, every such field in `details`). */
export class AudienceMismatchError extends ApiError {
  constructor(issues: AudienceIssue[]) {
    super(400, 'AUDIENCE_MISMATCH', `问卷范围不一致：${issues[0].message}（${issues[0].path}）`, issues);
  }
}

/** What the rule needs of the audience's district. */
export interface DistrictPlaces {
  groupIds: ReadonlySet<string>;
  schoolIds: ReadonlySet<string>;
  memberships: ReadonlyArray<{ groupId: string; schoolId: string }>;
}

const AT = 'definition.audience';

/**
 * The places an audience names lie inside each other: every group in the district, every
 * school in the district and, when groups are given, in one of those groups. (That each also
 * lies in the caller's scope is the route's `references` check, made before this one.) Without
 * it a survey could reach a school that none of its groups or its district manages.
 */
export function audienceIssues(audience: SurveyDefinition['audience'], district: DistrictPlaces): AudienceIssue[] {
  const inGroups = new Set(district.memberships.filter((m) => audience.groupIds.includes(m.groupId)).map((m) => m.schoolId));
  const groupIssues = audience.groupIds.flatMap((id, i) =>
    district.groupIds.has(id) ? [] : [{ path: `${AT}.groupIds.${i}`, message: `集团 ${id} 不属于区县 ${audience.districtId}` }],
  );
  const schoolIssues = audience.schoolIds.flatMap((id, i) => {
    if (!district.schoolIds.has(id)) return [{ path: `${AT}.schoolIds.${i}`, message: `学校 ${id} 不属于区县 ${audience.districtId}` }];
    if (audience.groupIds.length > 0 && !inGroups.has(id)) return [{ path: `${AT}.schoolIds.${i}`, message: `学校 ${id} 不属于所选集团` }];
    return [];
  });
  return [...groupIssues, ...schoolIssues];
}

/** Reads the audience's district (three queries) and refuses an audience that breaks the rule. */
export async function checkAudience(catalog: CatalogRepository, audience: SurveyDefinition['audience']): Promise<void> {
  const [groups, schools, memberships] = await Promise.all([
    catalog.listGroupsOfDistrict(audience.districtId),
    catalog.listSchoolsOfDistrict(audience.districtId),
    catalog.listMembershipsOfDistrict(audience.districtId),
  ]);
  const issues = audienceIssues(audience, {
    groupIds: new Set(groups.map((g) => g.id)),
    schoolIds: new Set(schools.map((s) => s.id)),
    memberships,
  });
  if (issues.length > 0) throw new AudienceMismatchError(issues);
}
