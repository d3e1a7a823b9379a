import type { SurveyResults } from '../../../../shared';
import type { Infrastructure } from '../../infrastructure';
import { exportableRows, hiddenCellsOf, surveyWorkbook } from './survey-export';
import { surveyBlocks } from './domain/disclosure/survey-blocks';
import type { SurveyItem } from './survey-items';
import { SurveyPublisher, type Published } from './survey-publisher';
import { RESPONSES_COUNTER } from './survey-items';
import { cellKey, RESPONSES_BLOCK, unitKey } from './domain/disclosure/published-table';
import { textRelease } from './domain/text-release';

/** An XLSX file to download. */
export interface Download {
  filename: string;
  contentType: string;
  content: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What admins read of a survey: its published results and their XLSX export. */
export class SurveyReporting {
  private readonly publisher: SurveyPublisher;

  constructor(private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>) {
    this.publisher = new SurveyPublisher(infra);
  }

  /** Results per school, group and district from the published snapshot and its audited plan (survey-results.ts). */
  async results(survey: SurveyItem): Promise<SurveyResults> {
    return this.resultsOf(survey, await this.publisher.published(survey));
  }

  /** The same results and, of fully shown schools, the snapshot's answer sheets without the day (survey-export.ts). */
  async export(survey: SurveyItem): Promise<Download> {
    const published = await this.publisher.published(survey);
    const [results, responses] = await Promise.all([
      this.resultsOf(survey, published),
      this.infra.surveys.listResponses(survey.id, survey.shards),
    ]);
    const rows = exportableRows(
      survey.definition.questions,
      {
        counts: published.counts,
        hidden: await this.exportHidden(survey, published),
        schoolIds: published.audience.schools.map((s) => s.id),
      },
      responses,
    );
    return { filename: `${survey.id}.xlsx`, contentType: XLSX, content: await surveyWorkbook(survey.definition, results, rows) };
  }

  /** Takes the snapshot that is due now (at close: the plan is computed on that write, not on a later read). */
  async refresh(survey: SurveyItem): Promise<void> {
    await this.publisher.refresh(survey);
  }

  /**
   * The cells the export's rows may reveal beyond the screen: a school whose only hidden cells
   * are empty (an optional question nobody answered there) may export its rows if the audit
   * still passes with those cells shown; an empty complement could otherwise be the one that
   * protects a neighbour.
   */
  private async exportHidden(survey: SurveyItem, published: Published): Promise<ReadonlySet<string>> {
    const { questions } = survey.definition;
    const size = (cell: string) => {
      const block = surveyBlocks(questions).find((b) => cell.endsWith(`|${b.id}`))!;
      const school = cell.slice('school:'.length, cell.indexOf('|'));
      return block.size.reduce((n, c) => n + (published.counts.get(school)?.get(c) ?? 0), 0);
    };
    const emptyOnly = published.audience.schools
      .map((s) => hiddenCellsOf(questions, published.hidden, s.id))
      .filter((cells) => cells.length > 0 && cells.every((c) => size(c) === 0))
      .flat();
    if (emptyOnly.length === 0) return published.hidden;
    const widened = new Set([...published.hidden].filter((c) => !emptyOnly.includes(c)));
    return (await this.publisher.passesWith(survey, published, widened)) ? widened : published.hidden;
  }

  private async resultsOf(survey: SurveyItem, published: Published): Promise<SurveyResults> {
    const { catalog, surveys } = this.infra;
    const { audience, counts, hidden, audit, item } = published;
    const hasTexts = survey.definition.questions.some((q) => q.type === 'text');
    const [district, enrollment, responses] = await Promise.all([
      catalog.getDistrict(survey.districtId),
      surveys.familiesOf(audience.schools.map((s) => s.id)),
      // The texts live on the responses (AP29): read only when the survey asks for any.
      hasTexts ? surveys.listResponsesWithRefs(survey.id, survey.shards) : Promise.resolve([]),
    ]);
    // Texts are published once their response is counted in the snapshot (domain/text-release.ts),
    // and that is recorded before they are: once shown, a text stays shown.
    const { released, toRelease } = item ? textRelease(survey.definition.questions, responses, counts) : { released: [], toRelease: [] };
    if (item && toRelease.length > 0) await surveys.releaseTexts(survey.id, toRelease, item.version);
    // The scoring (with @stdlib's t quantile, 118 KB) loads with the first results, not at start-up.
    const { surveyResults } = await import('./survey-results');
    const districtShown = !hidden.has(cellKey(unitKey('district', survey.districtId), RESPONSES_BLOCK));
    const held = [...counts.values()].reduce((n, c) => n + (c.get(RESPONSES_COUNTER) ?? 0), 0);
    return surveyResults(
      survey,
      audience,
      counts,
      enrollment,
      district ? `${district.city}${district.name}` : survey.districtId,
      {
        hidden,
        snapshot: { version: item?.version ?? 0, takenAt: item?.takenAt ?? null, responses: districtShown ? held : null },
        audit: {
          passed: true,
          shownCells: audit.shownCells,
          hiddenCells: audit.hiddenCells,
          sensitiveCells: audit.sensitiveCells,
          determined: audit.determinedByDifferencing.length,
        },
      },
      [...released, ...toRelease].flatMap((r) => r.texts),
    );
  }
}
