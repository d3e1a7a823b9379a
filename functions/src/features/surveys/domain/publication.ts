import type { Question } from '../../../../../shared';
import type { LpEngine } from './disclosure/lp-engine';
import { planSuppression } from './disclosure/plan-suppression';
import { surveyUnits, type DisclosureTable } from './disclosure/published-table';
import { surveyBlocks, surveyIdentities } from './disclosure/survey-blocks';
import { EMPTY_SNAPSHOT, refreshSnapshot, type Counts, type Snapshot } from './snapshot-rule';

/**
 * A survey's published state (issue 11 §3): each school's frozen counters, the audience they
 * were planned over, and the suppression plan whose audit passed. Replaced whole at each refresh,
 * conditionally on the version it replaces.
 */
export type PublicationItem = {
  kind: 'survey-publication';
  surveyId: string;
  version: number;
  takenAt: string;
  minN: number;
  /** The audience as planned: its schools and groups (memberships may overlap). */
  audience: { schoolIds: string[]; groups: Array<{ id: string; schoolIds: string[] }> };
  /** Per school, its counters as frozen at its last refresh. */
  schools: Record<string, Record<string, number>>;
  /** Cells shown as 样本不足: `unit|block` keys (domain/disclosure/published-table.ts). */
  hidden: string[];
  /** The planner's figures, for the record. */
  plan: { rounds: number; lpSolves: number };
};

export type PlannedAudience = PublicationItem['audience'];

/** The disclosure table of a published snapshot: every unit of the audience, every block, every identity. */
export function publicationTable(
  questions: Question[],
  districtId: string,
  audience: PlannedAudience,
  schools: ReadonlyMap<string, Counts>,
): DisclosureTable {
  return {
    units: surveyUnits(districtId, audience.groups, audience.schoolIds),
    blocks: surveyBlocks(questions),
    identities: surveyIdentities(questions),
    counts: schools,
  };
}

export function snapshotOf(item: PublicationItem | null): Snapshot {
  if (!item) return EMPTY_SNAPSHOT;
  return { version: item.version, schools: new Map(Object.entries(item.schools).map(([id, c]) => [id, new Map(Object.entries(c))])) };
}

export function schoolCounts(item: PublicationItem | null): Map<string, Map<string, number>> {
  return new Map(snapshotOf(item).schools as Map<string, Map<string, number>>);
}

/** Order-free: the same schools and the same groups with the same members. */
const canonical = (a: PlannedAudience) =>
  JSON.stringify([[...a.schoolIds].sort(), a.groups.map((g) => `${g.id}:${[...g.schoolIds].sort().join(',')}`).sort()]);
const sameAudience = (a: PlannedAudience, b: PlannedAudience) => canonical(a) === canonical(b);

/**
 * The publication that follows `previous` given the live counters (snapshot-rule.ts), planned
 * with planSuppression over the whole table; null when nothing may move yet. A changed
 * audience (a school joined or left a group) replans the same frozen counts, since the plan is
 * only valid for the table it was made over. Only the audience's schools are ever published.
 */
export function nextPublication(args: {
  previous: PublicationItem | null;
  live: ReadonlyMap<string, Counts>;
  surveyId: string;
  districtId: string;
  questions: Question[];
  audience: PlannedAudience;
  minN: number;
  engine: LpEngine;
  now: string;
}): PublicationItem | null {
  const { previous, surveyId, districtId, questions, audience, minN, engine, now } = args;
  const inAudience = new Set(audience.schoolIds);
  const live = new Map([...args.live].filter(([id]) => inAudience.has(id)));
  const { snapshot, refreshed } = refreshSnapshot(snapshotOf(previous), live, minN);
  const replan = previous !== null && (!sameAudience(previous.audience, audience) || previous.minN !== minN);
  if (refreshed.length === 0 && !replan) return null;
  const schools = new Map([...snapshot.schools].filter(([id]) => inAudience.has(id)));
  const plan = planSuppression(publicationTable(questions, districtId, audience, schools), minN, engine);
  return {
    kind: 'survey-publication',
    surveyId,
    version: (previous?.version ?? 0) + 1,
    takenAt: now,
    minN,
    audience,
    schools: Object.fromEntries([...schools].map(([id, c]) => [id, Object.fromEntries(c)])),
    hidden: [...plan.hidden].sort(),
    plan: { rounds: plan.rounds, lpSolves: plan.lpSolves },
  };
}
