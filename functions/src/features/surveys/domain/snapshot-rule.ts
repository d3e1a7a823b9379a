import { RESPONSES_COUNTER } from './counter-names';

/**
 * When published counts may change (issue 11 §3). Results are read from a snapshot, never from
 * the live counters: each school's published counts are a frozen copy of its counters, and a
 * school's copy refreshes only once at least minN responses have arrived since its last one.
 * Groups and the district are sums of the frozen school copies. So between any two consecutive
 * published states, every unit (school, group, district) changed by 0 responses or by at least
 * minN: a reader who reads before and after one known parent answers sees nothing move.
 */
export type Counts = ReadonlyMap<string, number>;

export interface Snapshot {
  /** Increases by one whenever any school's copy refreshes; shown with the results. */
  version: number;
  schools: ReadonlyMap<string, Counts>;
}

export const EMPTY_SNAPSHOT: Snapshot = { version: 0, schools: new Map() };

const responses = (counts: Counts | undefined) => counts?.get(RESPONSES_COUNTER) ?? 0;

/** The next snapshot from the live counters: schools with ≥ minN new responses take their live copy. */
export function refreshSnapshot(
  previous: Snapshot,
  live: ReadonlyMap<string, Counts>,
  minN: number,
): { snapshot: Snapshot; refreshed: string[] } {
  const refreshed = [...live.keys()].filter((id) => responses(live.get(id)) - responses(previous.schools.get(id)) >= minN).sort();
  if (refreshed.length === 0) return { snapshot: previous, refreshed };
  const schools = new Map(previous.schools);
  for (const id of refreshed) schools.set(id, new Map(live.get(id)!));
  return { snapshot: { version: previous.version + 1, schools }, refreshed };
}

/** Responses counted live but not yet published, per school: what the results say is pending. */
export function pendingResponses(snapshot: Snapshot, live: ReadonlyMap<string, Counts>): Map<string, number> {
  return new Map([...live].map(([id, counts]) => [id, responses(counts) - responses(snapshot.schools.get(id))]));
}

/** A unit's published counts: the sum of its schools' frozen copies. */
export function publishedCounts(snapshot: Snapshot, schoolIds: string[]): Map<string, number> {
  const total = new Map<string, number>();
  for (const id of schoolIds) for (const [c, n] of snapshot.schools.get(id) ?? []) total.set(c, (total.get(c) ?? 0) + n);
  return total;
}
