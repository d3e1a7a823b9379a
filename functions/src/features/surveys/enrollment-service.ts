import type { EnrollmentList, EnrollmentSet } from '../../../../shared';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { byChineseName } from '../catalog/domain/ordering';
import { currentTerm } from '../catalog/current-term';

/** 在校家庭数 (families at a school), entered by admins; response rates and 捆绑 scores divide by it. */
export class EnrollmentService {
  constructor(private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>) {}

  async set(schoolId: string, families: number): Promise<EnrollmentSet> {
    const updatedAt = this.infra.now().toISOString();
    await this.infra.surveys.putEnrollment(schoolId, families, updatedAt);
    return { schoolId, families, updatedAt };
  }

  /** The district's schools (AP7) with their enrolments (AP54). */
  async ofDistrict(districtId: string): Promise<EnrollmentList> {
    const schools = await this.infra.catalog.listSchoolsOfDistrict(districtId);
    return this.listOf(schools.map((s) => ({ schoolId: s.id, name: s.name })));
  }

  /** The group's member schools this term (AP85) with their enrolments (AP54). */
  async ofGroup(groupId: string): Promise<EnrollmentList> {
    const found = await this.infra.catalog.getGroupWithMembers(groupId, currentTerm(this.infra));
    if (!found) throw new NotFoundError('未找到该教育集团');
    return this.listOf(found.members.map((m) => ({ schoolId: m.schoolId, name: m.schoolName })));
  }

  private async listOf(schools: Array<{ schoolId: string; name: string }>): Promise<EnrollmentList> {
    const found = await this.infra.surveys.enrollmentsOf(schools.map((s) => s.schoolId));
    const items = schools.map((s) => {
      const entry = found.get(s.schoolId);
      return { ...s, families: entry?.families ?? null, updatedAt: entry?.updatedAt ?? null };
    });
    return { items: items.sort(byChineseName) };
  }
}
