import type { EnrollmentSet, SurveyResults } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';
import { surveyWorkbook } from './survey-export';
import { resolveAudience } from './survey-audience';
import type { SurveyItem } from './survey-items';
import { surveyResults } from './survey-results';

/** An XLSX file to download. */
export interface Download {
  filename: string;
  contentType: string;
  content: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What admins read of a survey: its results, their XLSX export, and the enrolments response rates divide by. */
export class SurveyReporting {
  constructor(private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>) {}

  /** Results per school, group and district, small cells suppressed (survey-results.ts). */
  async results(survey: SurveyItem): Promise<SurveyResults> {
    const { catalog, surveys } = this.infra;
    const [audience, counters, district] = await Promise.all([
      resolveAudience(catalog, survey.definition.audience),
      surveys.readCounters(survey.id, survey.shards),
      catalog.getDistrict(survey.districtId),
    ]);
    const enrollment = new Map(await Promise.all(audience.schools.map(async (s) => [s.id, await surveys.getEnrollment(s.id)] as const)));
    return surveyResults(survey, audience, counters, enrollment, district ? `${district.city}${district.name}` : survey.districtId);
  }

  /** The results and the responses of shown schools as a workbook (survey-export.ts). */
  async export(survey: SurveyItem): Promise<Download> {
    const [results, responses] = await Promise.all([this.results(survey), this.infra.surveys.listResponses(survey.id, survey.shards)]);
    return { filename: `${survey.id}.xlsx`, contentType: XLSX, content: await surveyWorkbook(survey.definition, results, responses) };
  }

  /** A school's enrolled families (admin-entered), for the response rate. */
  async setEnrollment(schoolId: string, families: number): Promise<EnrollmentSet> {
    await this.infra.surveys.putEnrollment(schoolId, families, this.infra.now().toISOString());
    return { schoolId, families };
  }
}
