import { firstTermOf, type ComplianceReport, type ComplianceUnit } from '../../../../shared';
import { compliance, shortfallText } from './domain/compliance';
import type { Infrastructure } from '../../infrastructure';
import type { RotationAssignmentItem } from './rotation-items';

type Deps = Pick<Infrastructure, 'catalog' | 'rotation'>;

export type { ComplianceUnit };

/**
 * Per school (as sending school), group (its member schools) and district (all its schools):
 * assignments of published, not superseded batches of the school year (docs/rotation.md). A
 * group's schools are those of the year's first term (AP87), when its rotation was planned: a
 * school that moves in spring stays counted with the group it sent teachers for.
 */
export async function complianceReport(deps: Deps, districtId: string, schoolYear: string): Promise<ComplianceReport> {
  const [settings, schools, memberships, eligibleItems, batches] = await Promise.all([
    deps.rotation.getSettings(districtId),
    deps.catalog.listSchoolsOfDistrict(districtId),
    deps.catalog.listMembershipsOfDistrict(districtId, firstTermOf(schoolYear)),
    deps.rotation.listEligible(districtId, schoolYear),
    deps.rotation.listBatchesOfDistrict(districtId),
  ]);
  const counted = batches.filter((b) => b.schoolYear === schoolYear && b.status === 'published' && !b.supersededBy);
  const assignments = (await Promise.all(counted.map((b) => deps.rotation.listAssignments(b.id)))).flat();
  const eligible = new Map(eligibleItems.map((e) => [e.schoolId, e.eligible]));

  const unit = (level: ComplianceUnit['level'], id: string, name: string, schoolIds: string[]): ComplianceUnit => {
    const mine = new Set(schoolIds);
    const sent = assignments.filter((a: RotationAssignmentItem) => mine.has(a.fromSchoolId));
    const known = schoolIds.filter((s) => eligible.has(s));
    // A total with any school missing its count would understate the requirement: none then.
    const total = known.length === schoolIds.length && schoolIds.length > 0 ? known.reduce((sum, s) => sum + eligible.get(s)!, 0) : null;
    const backbone = sent.filter((a) => a.backboneLevel !== '无').length;
    const result = compliance({ eligible: total, rotating: sent.length, backbone, ...settings });
    return {
      level,
      id,
      name,
      eligible: total,
      rotating: sent.length,
      backbone,
      ...result,
      // Nobody has entered 应交流教师 yet: the page shows 待填写, not 未达标 — a unit cannot fail a
      // share of a number that is not known. (The domain's flagged also counts missing data.)
      flagged: total === null ? false : result.flagged,
      rotatingShortfallText: shortfallText(result.rotatingShortfall),
      backboneShortfallText: shortfallText(result.backboneShortfall),
    };
  };

  const groups = new Map<string, { name: string; schoolIds: string[] }>();
  for (const m of memberships) {
    const group = groups.get(m.groupId) ?? { name: m.groupName, schoolIds: [] };
    group.schoolIds.push(m.schoolId);
    groups.set(m.groupId, group);
  }
  const district = await deps.catalog.getDistrict(districtId);
  return {
    districtId,
    schoolYear,
    thresholds: { rotatingPct: settings.rotatingPct, backbonePct: settings.backbonePct },
    units: [
      unit(
        'district',
        districtId,
        district ? `${district.city}${district.name}` : districtId,
        schools.map((s) => s.id),
      ),
      ...[...groups].map(([id, g]) => unit('group', id, g.name, g.schoolIds)),
      ...schools.map((s) => unit('school', s.id, s.name, [s.id])),
    ],
  };
}
