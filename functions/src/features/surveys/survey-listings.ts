import type { ItemList, MySurvey, SurveySummary } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';
import type { SchoolBindingItem } from '../identity/identity-items';
import type { RequestUser } from '../identity/request-user';
import { currentTerm } from '../catalog/current-term';
import { audienceIn, readDistrictMembers } from './survey-audience';
import type { SurveyItem } from './survey-items';
import type { SurveyService } from './survey-service';
import { byOpensAtDesc, summarise } from './survey-summary';

type Bound = Pick<SchoolBindingItem, 'schoolId' | 'districtId'>;

/** Lists of surveys: a parent's 我的问卷, and the admins' lists of a district and of a group. */
export class SurveyListings {
  constructor(
    private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>,
    private readonly surveys: SurveyService,
  ) {}

  /**
   * The parent surveys whose audience holds a school the caller bound. Whatever the number of
   * surveys: the bindings are read once, each district's surveys and members once (districts in
   * parallel), and whether each was answered in one batch.
   */
  async forParent(user: RequestUser): Promise<ItemList<MySurvey>> {
    const bound: Bound[] = (await user.allItems()).filter((i): i is SchoolBindingItem => i.kind === 'school-binding');
    const districtIds = [...new Set(bound.map((b) => b.districtId))];
    const found = (await Promise.all(districtIds.map((districtId) => this.parentSurveysOf(districtId, bound)))).flat();
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

  /** One district's surveys for parents, each with the bound schools in its audience. */
  private async parentSurveysOf(districtId: string, bound: Bound[]): Promise<Array<{ survey: SurveyItem; schoolIds: string[] }>> {
    const surveys = (await this.infra.surveys.listSurveysOfDistrict(districtId)).filter((s) =>
      s.definition.audience.respondents.includes('parent'),
    );
    if (surveys.length === 0) return [];
    const members = await readDistrictMembers(this.infra.catalog, districtId);
    return surveys.flatMap((survey) => {
      const audience = new Set(audienceIn(members, survey).schools.map((s) => s.id));
      const schoolIds = bound.filter((b) => audience.has(b.schoolId)).map((b) => b.schoolId);
      return schoolIds.length === 0 ? [] : [{ survey, schoolIds }];
    });
  }

  private listed(surveys: SurveyItem[]): ItemList<SurveySummary> {
    const now = this.infra.now().toISOString();
    return { items: surveys.map((s) => summarise(s, now)).sort(byOpensAtDesc) };
  }
}
