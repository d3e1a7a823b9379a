import {
  MEMBER_ROLE_LABELS,
  type CatalogImportIssue,
  type CatalogImportPreview,
  type MemberRole,
  type SchoolFields,
  type TermId,
} from '../../../../../shared';
import { keys } from '../../../db/keys';
import { catalogItem } from '../catalog-item-builders';
import type { CampusItem, DistrictItem, GroupItem, MembershipItem, SchoolItem } from '../catalog-items';
import { periodsAt, planMembershipChange } from '../domain/membership-periods';
import type { DesiredGroup, DesiredSchool } from './import-rows';

/** The district as stored: what the file is compared with. */
export interface CurrentCatalog {
  district: DistrictItem;
  schools: SchoolItem[];
  groups: GroupItem[];
  /** Every dated membership period of the district (AP8, all terms). */
  periods: MembershipItem[];
  /** Campuses of the file's existing schools (AP5). */
  campuses: ReadonlyMap<string, CampusItem[]>;
  /** 在校家庭数 of the file's existing schools (AP54). */
  families: ReadonlyMap<string, number>;
}

export interface ImportOptions {
  fromTerm: TermId;
  /** termOf(now): memberships are never changed for a past term (planMembershipChange). */
  earliest: TermId;
  at: string;
  newId: (prefix: string) => string;
}

export type Item = Record<string, unknown>;
export interface ImportPlan {
  changes: CatalogImportPreview['changes'];
  issues: CatalogImportIssue[];
  /**
   * Groups and schools that exist and change: each written on the version it was read at
   * (`version` is that version; the item carries version + 1), in transactions before the rest.
   */
  guarded: Array<{ item: Item; version: number }>;
  /** Items to write as they should be afterwards (idempotent puts). */
  puts: Item[];
  deletes: Array<{ pk: string; sk: string }>;
}

const PROFILE_KEYS = ['address', 'location', 'phone', 'intro', 'students'] as const;
/** Key order aside: DynamoDB gives a map's keys back in any order. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
const keyOf = (p: { groupId: string; schoolId: string; fromTerm?: string }) => `${p.groupId}#${p.schoolId}#${p.fromTerm ?? ''}`;

/**
 * What writing the file changes, as a preview and as the items to put and delete. Only what
 * differs from the table is written, and a changed group or school gets version + 1, so a
 * second run of the same file (after a first one failed half-way) writes only what the first
 * did not, and a run after a complete one writes nothing.
 */
export function planImport(
  desired: { schools: DesiredSchool[]; groups: DesiredGroup[] },
  current: CurrentCatalog,
  options: ImportOptions,
): ImportPlan {
  const changes: ImportPlan['changes'] = {
    groupsAdded: [],
    groupsChanged: [],
    schoolsAdded: [],
    schoolsChanged: [],
    moves: [],
    enrollmentsSet: 0,
  };
  const plan: ImportPlan = { changes, issues: [], guarded: [], puts: [], deletes: [] };
  const districtId = current.district.id;
  const schoolIds = new Map(desired.schools.map((s) => [s.key, s.id ?? options.newId('sch')]));
  const groupIds = new Map(desired.groups.map((g) => [g.key, g.id ?? options.newId('grp')]));

  // ── groups ──
  const finalGroups = new Map(current.groups.map((g) => [g.id, g]));
  for (const wanted of desired.groups) {
    const stored = wanted.id === null ? undefined : finalGroups.get(wanted.id);
    const fields = {
      name: wanted.name,
      groupType: wanted.type ?? stored?.groupType ?? '',
      partners: wanted.partners,
      leadSchoolId: wanted.leadSchoolKey === null ? null : schoolIds.get(wanted.leadSchoolKey)!,
    };
    if (stored && (Object.keys(fields) as Array<keyof typeof fields>).every((k) => same(stored[k], fields[k]))) continue;
    const { kind: _kind, ...base } = stored ?? { kind: 'group' as const, id: groupIds.get(wanted.key)!, districtId, source: 'import' };
    const item = catalogItem.group({ ...base, ...fields, ...(stored ? { version: (stored.version ?? 0) + 1 } : {}) });
    if (stored) plan.guarded.push({ item, version: stored.version ?? 0 });
    else plan.puts.push(item);
    finalGroups.set(item.id, item);
    if (!stored) changes.groupsAdded.push(wanted.name);
    else changes.groupsChanged.push(stored.name === wanted.name ? wanted.name : `${stored.name} → ${wanted.name}`);
  }

  // ── schools, their campuses and 在校家庭数 ──
  const finalSchools = new Map(current.schools.map((s) => [s.id, s]));
  for (const wanted of desired.schools) {
    const id = schoolIds.get(wanted.key)!;
    const stored = finalSchools.get(id);
    const campuses = campusChanges(id, current.campuses.get(id) ?? [], wanted.campuses, options.newId);
    plan.puts.push(...campuses.puts);
    plan.deletes.push(...campuses.deletes);
    const fieldsChanged = !stored || !sameSchool(stored, wanted.fields);
    if (fieldsChanged || campuses.changed) {
      const base = stored ? withoutProfile(stored) : { id, districtId };
      const item = catalogItem.school(
        { ...base, ...wanted.fields, ...(stored ? { version: (stored.version ?? 0) + 1 } : {}) },
        current.district,
      );
      if (stored) plan.guarded.push({ item, version: stored.version ?? 0 });
      else plan.puts.push(item);
      finalSchools.set(id, item);
      (stored ? changes.schoolsChanged : changes.schoolsAdded).push(wanted.fields.name);
    }
    if (wanted.families !== undefined && current.families.get(id) !== wanted.families) {
      plan.puts.push({ ...keys.enrollment(id), kind: 'enrollment', families: wanted.families, updatedAt: options.at });
      changes.enrollmentsSet += 1;
    }
  }

  // ── memberships from fromTerm, then every copy of a name brought up to date ──
  const periods = current.periods.map((p) => ({ ...p }));
  const bySchool = new Map<string, MembershipItem[]>();
  for (const p of periods) bySchool.set(p.schoolId, [...(bySchool.get(p.schoolId) ?? []), p]);
  const removed = new Set<MembershipItem>();
  const groupName = (id: string) => finalGroups.get(id)?.name ?? id;
  for (const wanted of desired.schools) {
    const schoolId = schoolIds.get(wanted.key)!;
    let mine = bySchool.get(schoolId) ?? [];
    const target = new Map<string, { role: MemberRole; row: number }>(wanted.memberships.map((m) => [groupIds.get(m.groupKey)!, m]));
    const now = periodsAt(mine, options.fromTerm);
    const leaving = now.filter((p) => target.get(p.groupId)?.role !== p.role);
    const joining = [...target].filter(([groupId, m]) => !now.some((p) => p.groupId === groupId && p.role === m.role));
    if (leaving.length === 0 && joining.length === 0) continue;
    const steps = [
      ...leaving.map((p) => ({ fromGroupId: p.groupId, toGroupId: null, role: p.role, row: target.get(p.groupId)?.row ?? wanted.row })),
      ...joining.map(([groupId, m]) => ({ fromGroupId: null, toGroupId: groupId, role: m.role, row: m.row })),
    ];
    for (const step of steps) {
      const result = planMembershipChange(mine, { ...step, term: options.fromTerm, earliest: options.earliest });
      if ('code' in result) {
        plan.issues.push({
          row: step.row,
          column: '所属集团',
          message: `${groupName(step.fromGroupId ?? step.toGroupId!)}：${result.message}`,
        });
        break;
      }
      for (const p of result.end) (p as MembershipItem).untilTerm = options.fromTerm;
      for (const p of result.remove) removed.add(p as MembershipItem);
      mine = mine.filter((p) => !removed.has(p));
      if (result.start) {
        const started = { ...result.start, schoolId } as MembershipItem;
        mine.push(started);
        periods.push(started);
      }
    }
    const label = (list: Array<{ groupId: string; role: MemberRole }>) =>
      list.map((p) => `${groupName(p.groupId)}（${MEMBER_ROLE_LABELS[p.role]}）`).join('、') || '无集团';
    changes.moves.push(`${wanted.fields.name}：${label(now)} → ${label(periodsAt(mine, options.fromTerm))}`);
  }
  const stored = new Map(current.periods.map((p) => [keyOf(p), p]));
  const kept = new Set<string>();
  for (const period of periods) {
    if (removed.has(period)) continue;
    const group = finalGroups.get(period.groupId);
    const school = finalSchools.get(period.schoolId);
    if (!group || !school) continue;
    const item = catalogItem.membership(group, school, period.role, { fromTerm: period.fromTerm, untilTerm: period.untilTerm });
    kept.add(keyOf(period));
    const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi2pk: _g2, gsi2sk: _g2s, ...fields } = item;
    const before = stored.get(keyOf(period));
    if (!before || !same(before, fields)) plan.puts.push(item);
  }
  for (const [key, period] of stored) {
    if (!kept.has(key)) plan.deletes.push(keys.membership(period.groupId, period.schoolId, districtId, period.fromTerm));
  }
  plan.deletes = plan.deletes.map(({ pk, sk }) => ({ pk, sk }));
  return plan;
}

function sameSchool(stored: SchoolItem, fields: SchoolFields): boolean {
  return (['name', 'stage', 'aliases', ...PROFILE_KEYS] as const).every((k) => same(stored[k], fields[k]));
}

/** The stored school without its kind, search keys and profile, which the file restates (absent: cleared). */
function withoutProfile(stored: SchoolItem): Omit<SchoolItem, 'kind' | 'search'> {
  const { kind: _kind, search: _search, address: _a, location: _l, phone: _p, intro: _i, students: _s, ...rest } = stored;
  return rest;
}

/** Campuses by name: a kept name keeps its id and address, a new one gets an id, a missing one goes. */
function campusChanges(schoolId: string, stored: CampusItem[], names: string[], newId: (prefix: string) => string) {
  const byName = new Map(stored.map((c) => [c.name, c]));
  const wanted = new Set(names);
  const puts = names.filter((name) => !byName.has(name)).map((name) => catalogItem.campus({ schoolId, id: newId('campus'), name }));
  const deletes = stored.filter((c) => !wanted.has(c.name)).map((c) => keys.campus(schoolId, c.id));
  return { puts, deletes, changed: puts.length > 0 || deletes.length > 0 };
}
