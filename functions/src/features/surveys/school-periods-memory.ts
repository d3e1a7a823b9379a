import { setBounded } from '../../bounded-map';
import type { MembershipItem } from '../catalog/catalog-items';

/** Enough for every school a busy container's answers name; an entry is a few periods. */
const SCHOOLS_MAX = 10_000;

/**
 * A container's memory of schools' membership periods (AP6), for the answers to surveys of
 * groups: the parents of one school answer within minutes of each other, and each would
 * otherwise read the same periods again.
 *
 * An entry holds only while the catalogue version it was read under is still current (AP70,
 * which the answer's one read brings, AP125): every catalogue write republishes the catalogue
 * and so changes the version, and the next answer reads the periods again. The version is made
 * current only after the write has been applied and the whole view built, so AP6's index has
 * long caught up with the write by then. An entry also expires after `ttlMs` (the search
 * view's freshness), which bounds how long a write whose publishing failed can go unseen.
 */
export class SchoolPeriodsMemory {
  private readonly entries = new Map<string, { version: string; readAt: number; periods: Promise<MembershipItem[]> }>();

  constructor(
    private readonly read: (schoolId: string) => Promise<MembershipItem[]>,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The school's periods, in force or not, as of catalogue `version` (null: none published, so always read). */
  periodsOf(schoolId: string, version: string | null): Promise<MembershipItem[]> {
    if (version === null) return this.read(schoolId);
    const at = this.now();
    const entry = this.entries.get(schoolId);
    if (entry && entry.version === version && at - entry.readAt < this.ttlMs) return entry.periods;
    const periods = this.read(schoolId);
    // Concurrent answers share one read; a failed read is not remembered.
    periods.catch(() => this.entries.get(schoolId)?.periods === periods && this.entries.delete(schoolId));
    setBounded(this.entries, schoolId, { version, readAt: at, periods }, SCHOOLS_MAX);
    return periods;
  }
}
