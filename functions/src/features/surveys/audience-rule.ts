import type { SurveyDefinition, TermId } from '../../../../shared';
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
  /** Memberships of the survey's term. */
  memberships: ReadonlyArray<{ groupId: string; schoolId: string }>;
  /** Archived groups and schools of the district: a new survey may not name them. */
  archivedIds?: ReadonlySet<string>;
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
  const archived = (id: string) => district.archivedIds?.has(id) ?? false;
  const groupIssues = audience.groupIds.flatMap((id, i) => {
    if (!district.groupIds.has(id)) return [{ path: `${AT}.groupIds.${i}`, message: `集团 ${id} 不属于区县 ${audience.districtId}` }];
    if (archived(id)) return [{ path: `${AT}.groupIds.${i}`, message: `集团 ${id} 已停用` }];
    return [];
  });
  const schoolIssues = audience.schoolIds.flatMap((id, i) => {
    if (!district.schoolIds.has(id)) return [{ path: `${AT}.schoolIds.${i}`, message: `学校 ${id} 不属于区县 ${audience.districtId}` }];
    if (archived(id)) return [{ path: `${AT}.schoolIds.${i}`, message: `学校 ${id} 已停用` }];
    if (audience.groupIds.length > 0 && !inGroups.has(id)) return [{ path: `${AT}.schoolIds.${i}`, message: `学校 ${id} 不属于所选集团` }];
    return [];
  });
  return [...groupIssues, ...schoolIssues];
}

/**
 * Reads the audience's district (three queries, memberships of the survey's `term`) and refuses
 * an audience that breaks the rule or names an archived group or school.
 */
export async function checkAudience(catalog: CatalogRepository, audience: SurveyDefinition['audience'], term: TermId): Promise<void> {
  const [groups, schools, memberships] = await Promise.all([
    catalog.listGroupsOfDistrict(audience.districtId),
    catalog.listSchoolsOfDistrict(audience.districtId),
    catalog.listMembershipsOfDistrict(audience.districtId, term),
  ]);
  const issues = audienceIssues(audience, {
    groupIds: new Set(groups.map((g) => g.id)),
    schoolIds: new Set(schools.map((s) => s.id)),
    memberships,
    archivedIds: new Set([...groups, ...schools].filter((item) => item.archivedAt !== undefined).map((item) => item.id)),
  });
  if (issues.length > 0) throw new AudienceMismatchError(issues);
}
