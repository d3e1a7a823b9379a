import type { Infrastructure } from '../../infrastructure';
import { auditPublication, type AuditReport } from './domain/disclosure/audit';
import { loadLpEngine, type LpEngine } from './domain/disclosure/lp-engine';
import { nextPublication, publicationTable, schoolCounts, type PlannedAudience } from './domain/publication';
import { resolveAudience, type Audience } from './survey-audience';
import { AuditFailedError } from './survey-errors';
import type { PublicationItem, SurveyItem } from './survey-items';

/** What a published view is read from: the snapshot's counters, its hidden cells, and the audit just run on them. */
export interface Published {
  item: PublicationItem | null;
  audience: Audience;
  counts: Map<string, Map<string, number>>;
  hidden: Set<string>;
  audit: AuditReport;
}

/** Every cell of a table: what "nothing published yet" hides. */
const everyCell = (item: ReturnType<typeof publicationTable>) =>
  new Set(item.units.flatMap((u) => item.blocks.map((b) => `${u.key}|${b.id}`)));

const planned = (audience: Audience): PlannedAudience => ({
  schoolIds: audience.schools.map((s) => s.id),
  groups: audience.groups.map((g) => ({ id: g.id, schoolIds: [...g.schoolIds] })),
});

/**
 * The survey's published state (issue 11 §1, §3). A refresh is a write: it reads the live
 * counters and the stored snapshot, lets a school's counts move only after ≥ minN new responses
 * (snapshot-rule.ts), plans the suppression over the whole table (planSuppression, ~1–2 s at
 * seed size) and stores snapshot + plan, conditionally on the version it replaces. It runs when
 * a read finds a school with ≥ minN pending responses and when the survey closes. Every read
 * re-runs only the audit (~0.1–0.3 s) on exactly what it is about to publish, and refuses
 * (AUDIT_FAILED) if it does not pass. Reads touch counters and the snapshot, never responses.
 */
export class SurveyPublisher {
  constructor(
    private readonly infra: Pick<Infrastructure, 'catalog' | 'surveys' | 'now'>,
    private readonly engine: () => Promise<LpEngine> = loadLpEngine,
  ) {}

  /** Stores the next snapshot if one is due; returns the current one (null before any). */
  async refresh(survey: SurveyItem, audience?: Audience): Promise<PublicationItem | null> {
    const { surveys } = this.infra;
    const resolved = audience ?? (await resolveAudience(this.infra.catalog, survey));
    const [previous, live] = await Promise.all([surveys.getPublication(survey.id), surveys.readCounters(survey.id, survey.shards)]);
    const next = nextPublication({
      previous,
      live,
      surveyId: survey.id,
      districtId: survey.districtId,
      questions: survey.definition.questions,
      audience: planned(resolved),
      minN: survey.minN,
      engine: await this.engine(),
      now: this.infra.now().toISOString(),
    });
    if (!next) return previous;
    if (await surveys.putPublication(next, previous?.version ?? 0)) return next;
    // Another reader refreshed first: publish theirs, never two snapshots from one state.
    return surveys.getPublication(survey.id);
  }

  /** The published state, audited now; AUDIT_FAILED rather than publish anything the audit can pin. */
  async published(survey: SurveyItem): Promise<Published> {
    const audience = await resolveAudience(this.infra.catalog, survey);
    const item = await this.refresh(survey, audience);
    const counts = schoolCounts(item);
    const table = publicationTable(survey.definition.questions, survey.districtId, item?.audience ?? planned(audience), counts);
    const hidden = item ? new Set(item.hidden) : everyCell(table);
    const audit = auditPublication(table, hidden, survey.minN, await this.engine());
    if (!audit.passed) throw new AuditFailedError({ findings: audit.findings.length, determined: audit.determinedByDifferencing.length });
    return { item, audience: publishedAudience(audience, item), counts, hidden, audit };
  }

  /** Would the published state still pass its audit with these cells hidden instead? */
  async passesWith(survey: SurveyItem, published: Published, hidden: ReadonlySet<string>): Promise<boolean> {
    const audience = published.item?.audience ?? planned(published.audience);
    const table = publicationTable(survey.definition.questions, survey.districtId, audience, published.counts);
    return auditPublication(table, hidden, survey.minN, await this.engine()).passed;
  }
}

/** The audience as the snapshot was planned over it (names from the catalogue). */
function publishedAudience(current: Audience, item: PublicationItem | null): Audience {
  if (!item) return current;
  const names = new Map([...current.schools.map((s) => [s.id, s.name] as const), ...current.groups.map((g) => [g.id, g.name] as const)]);
  const groupsOf = (schoolId: string) => item.audience.groups.filter((g) => g.schoolIds.includes(schoolId)).map((g) => g.id);
  return {
    schools: item.audience.schoolIds.map((id) => ({ id, name: names.get(id) ?? id, groupIds: groupsOf(id) })),
    groups: item.audience.groups.map((g) => ({ id: g.id, name: names.get(g.id) ?? g.id, schoolIds: g.schoolIds })),
  };
}
