import type { ItemList, MySurvey, SurveySummary } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';
import type { SchoolBindingItem, TeacherBindingItem } from '../identity/identity-items';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import { audienceIn, readDistrictMembers } from './survey-audience';
import type { SurveyItem } from './survey-items';
import type { SurveyService } from './survey-service';
import { byOpensAtDesc, summarise } from './survey-summary';

type Respondent = 'parent' | 'teacher';
/** A school the caller answers for, and as whom: a parent's 我的 binding, or a teacher's own school. */
type Bound = Pick<SchoolBindingItem, 'schoolId' | 'districtId'> & { as: Respondent };

/** Lists of surveys: a parent's or teacher's 我的问卷, and the admins' lists of a district and of a group. */
export class SurveyListings {
  constructor(
    private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>,
    private readonly surveys: SurveyService,
  ) {}

  /**
   * The surveys whose audience holds a school the caller answers for: parent surveys for the
   * schools a parent bound, teacher surveys (respondents 教师) for a teacher's own school.
   * Whatever the number of surveys: the bindings are read once, each district's surveys and
   * members once (districts in parallel), and whether each was answered in one batch.
   */
  async forParent(user: RequestUser): Promise<ItemList<MySurvey>> {
    const bound = await this.boundOf(user);
    const districtIds = [...new Set(bound.map((b) => b.districtId))];
    const found = (await Promise.all(districtIds.map((districtId) => this.surveysOf(districtId, bound)))).flat();
    const answered = await this.surveys.answeredAmong(
      user,
      found.map(({ survey }) => survey.id),
    );
    const now = this.infra.now().toISOString();
    const items = found.map(({ survey, schoolIds }) => ({ ...summarise(survey, now), schoolIds, answered: answered.has(survey.id) }));
    return { items: items.sort(byOpensAtDesc) };
  }

  /** The district's whole list (its district admins'). */
  async ofDistrict(districtId: string): Promise<ItemList<SurveySummary>> {
    return this.listed(await this.infra.surveys.listSurveysOfDistrict(districtId));
  }

  /** A group's surveys are those made for that group alone (the ones its admins manage). */
  async ofGroup(groupId: string): Promise<ItemList<SurveySummary>> {
    const group = await this.infra.catalog.getGroupWithMembers(groupId, currentTerm(this.infra));
    const list = group ? await this.infra.surveys.listSurveysOfDistrict(group.group.districtId) : [];
    return this.listed(list.filter((s) => s.definition.audience.groupIds.length === 1 && s.definition.audience.groupIds[0] === groupId));
  }

  /** A parent's school bindings, and a teacher's school with its district (the binding names none). */
  private async boundOf(user: RequestUser): Promise<Bound[]> {
    const items = await user.allItems();
    const parent: Bound[] = items.flatMap((i) =>
      i.kind === 'school-binding' ? [{ schoolId: i.schoolId, districtId: i.districtId, as: 'parent' as const }] : [],
    );
    const teacherSchools = items.filter((i): i is TeacherBindingItem => i.kind === 'teacher-binding').map((i) => i.schoolId);
    const teacher = await Promise.all(
      teacherSchools.map(async (schoolId) => ({ schoolId, found: await this.infra.catalog.getSchoolWithCampuses(schoolId) })),
    );
    return [
      ...parent,
      ...teacher.flatMap(({ schoolId, found }) =>
        found ? [{ schoolId, districtId: found.school.districtId, as: 'teacher' as const }] : [],
      ),
    ];
  }

  /** One district's surveys for the caller's roles, each with the bound schools in its audience. */
  private async surveysOf(districtId: string, bound: Bound[]): Promise<Array<{ survey: SurveyItem; schoolIds: string[] }>> {
    const roles = new Set(bound.filter((b) => b.districtId === districtId).map((b) => b.as));
    const surveys = (await this.infra.surveys.listSurveysOfDistrict(districtId)).filter((s) =>
      s.definition.audience.respondents.some((r) => roles.has(r)),
    );
    if (surveys.length === 0) return [];
    const members = await readDistrictMembers(this.infra.catalog, districtId);
    return surveys.flatMap((survey) => {
      const audience = new Set(audienceIn(members, survey).schools.map((s) => s.id));
      const respondents = survey.definition.audience.respondents;
      const schoolIds = [...new Set(bound.filter((b) => audience.has(b.schoolId) && respondents.includes(b.as)).map((b) => b.schoolId))];
      return schoolIds.length === 0 ? [] : [{ survey, schoolIds }];
    });
  }

  private listed(surveys: SurveyItem[]): ItemList<SurveySummary> {
    const now = this.infra.now().toISOString();
    return { items: surveys.map((s) => summarise(s, now)).sort(byOpensAtDesc) };
  }
}
