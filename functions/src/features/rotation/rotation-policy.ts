import type { ComplianceReport, EligibleCount, EligibleCountSet, RotationSettings } from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { complianceReport } from './rotation-compliance';

type Deps = Pick<Infrastructure, 'catalog' | 'rotation' | 'now'>;

/** A district's rotation policy: its thresholds and calendar, each school's eligible teachers, and compliance against them. */
export class RotationPolicy {
  constructor(private readonly deps: Deps) {}

  /** The national defaults until the district sets its own. */
  settings(districtId: string): Promise<RotationSettings> {
    return this.deps.rotation.getSettings(districtId);
  }

  async putSettings(districtId: string, settings: RotationSettings): Promise<RotationSettings> {
    await this.deps.rotation.putSettings(districtId, settings);
    return settings;
  }

  /** Overwrites a school's count for the school year; it is kept under the school's district, where compliance reads it. */
  async putEligible(schoolId: string, count: EligibleCount): Promise<EligibleCountSet> {
    const found = await this.deps.catalog.getSchoolWithCampuses(schoolId);
    if (!found) throw new NotFoundError('未找到该学校');
    const { school } = found;
    await this.deps.rotation.putEligible(school.districtId, {
      kind: 'eligible-teachers',
      schoolId: school.id,
      ...count,
      updatedAt: this.deps.now().toISOString(),
    });
    return { schoolId: school.id, ...count };
  }

  compliance(districtId: string, schoolYear: string): Promise<ComplianceReport> {
    return complianceReport(this.deps, districtId, schoolYear);
  }
}
