import { z } from 'zod';
import { IdSchema } from '../common';
import { GroupTypeSchema, MemberRoleSchema, StageSchema } from './group';
import { Gcj02PointSchema, SchoolProfileSchema } from './school';
import { TermIdSchema } from './term-id';
import { CATALOG_IMPORT_FILE_BASE64_MAX } from './catalog-columns';
import { lazySchema } from '../lazy-schema';

/**
 * The catalogue admin's contract (issue 14): district admins write their district's groups,
 * schools and campuses; group admins read their own group. Every edit names the `version` it
 * was made on; a stale one is answered 409 CONFLICT 请刷新后重试 and changes nothing.
 */

export const VersionSchema = lazySchema(() => z.number({ error: '缺少版本号，请刷新后重试' }).int().min(0));

const NameSchema = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(40, `${what}不超过 40 个字`);
const AliasesSchema = lazySchema(() => z.array(z.string().trim().min(1).max(40)).max(10, '别名最多 10 个').default([]));
const PartnersSchema = lazySchema(() => z.array(z.string().trim().min(1).max(60)).max(10, '合作单位最多 10 个').default([]));

// ── schools ────────────────────────────────────────────────────────────────────────────────

export const SchoolFieldsSchema = lazySchema(() =>
  z
    .object({
      name: NameSchema('学校名称'),
      stage: StageSchema,
      aliases: AliasesSchema,
    })
    .extend(SchoolProfileSchema.shape),
);
export type SchoolFields = z.infer<typeof SchoolFieldsSchema>;

/** POST /api/admin/districts/:id/schools */
export const SchoolCreateBodySchema = SchoolFieldsSchema;
/** PUT /api/admin/schools/:id — every field as it should be afterwards (absent optional field: cleared). */
export const SchoolUpdateBodySchema = lazySchema(() => SchoolFieldsSchema.extend({ version: VersionSchema }));
export type SchoolUpdateBody = z.infer<typeof SchoolUpdateBodySchema>;

export const CampusInputSchema = lazySchema(() =>
  z.object({
    /** Absent for a new campus. */
    id: IdSchema.optional(),
    name: NameSchema('校区名称'),
    address: z.string().trim().min(1).max(100, '地址不超过 100 个字').optional(),
  }),
);
/** PUT /api/admin/schools/:id/campuses — the whole list; a campus left out is removed. */
export const CampusesBodySchema = lazySchema(() =>
  z.object({
    version: VersionSchema,
    campuses: z.array(CampusInputSchema).max(20, '校区最多 20 个'),
  }),
);
export type CampusesBody = z.infer<typeof CampusesBodySchema>;

/** POST /api/admin/schools/:id/archive and /api/admin/groups/:id/archive */
export const ArchiveBodySchema = lazySchema(() => z.object({ version: VersionSchema }));

// ── groups ─────────────────────────────────────────────────────────────────────────────────

export const GroupMemberInputSchema = lazySchema(() => z.object({ schoolId: IdSchema, role: MemberRoleSchema }));

export const GroupFieldsSchema = lazySchema(() =>
  z.object({
    name: NameSchema('集团名称'),
    type: GroupTypeSchema,
    /** null: 共同发起 (a partnership of equals, no lead school). */
    leadSchoolId: IdSchema.nullable(),
    partners: PartnersSchema,
  }),
);

/** POST /api/admin/districts/:id/groups: the group and its first members, in force from `fromTerm`. */
export const GroupCreateBodySchema = lazySchema(() =>
  GroupFieldsSchema.extend({
    fromTerm: TermIdSchema,
    members: z.array(GroupMemberInputSchema).max(100, '成员校最多 100 所').default([]),
  }),
);
export type GroupCreateBody = z.infer<typeof GroupCreateBodySchema>;

/** PUT /api/admin/groups/:id: a rename rewrites the name on every membership (all terms). */
export const GroupUpdateBodySchema = lazySchema(() => GroupFieldsSchema.extend({ version: VersionSchema }));
export type GroupUpdateBody = z.infer<typeof GroupUpdateBodySchema>;

/**
 * POST /api/admin/schools/:id/moves: from `fromTerm` on, the school leaves `fromGroupId` (null:
 * it was in no group) and joins `toGroupId` with `role` (null: it leaves groups). Earlier terms
 * keep the membership they had. `version` is the school's.
 */
export const SchoolMoveBodySchema = lazySchema(() =>
  z
    .object({
      version: VersionSchema,
      fromTerm: TermIdSchema,
      fromGroupId: IdSchema.nullable(),
      toGroupId: IdSchema.nullable(),
      role: MemberRoleSchema.default('member'),
    })
    .refine((b) => b.fromGroupId !== b.toGroupId, { message: '调入集团不能与原集团相同', path: ['toGroupId'] }),
);
export type SchoolMoveBody = z.infer<typeof SchoolMoveBodySchema>;

/** PUT /api/admin/districts/:id/group-types: the district's own group types beside the built-in ones. */
export const GroupTypesBodySchema = lazySchema(() =>
  z.object({
    version: VersionSchema,
    types: z.array(GroupTypeSchema).max(20, '集团类型最多 20 种'),
  }),
);

// ── answers ────────────────────────────────────────────────────────────────────────────────

export interface AdminMembership {
  groupId: string;
  groupName: string;
  schoolId: string;
  schoolName: string;
  role: z.infer<typeof MemberRoleSchema>;
  fromTerm: string | null;
  untilTerm: string | null;
}

export interface AdminCampus {
  id: string;
  name: string;
  address: string | null;
}

export interface AdminSchool {
  id: string;
  districtId: string;
  name: string;
  stage: z.infer<typeof StageSchema>;
  aliases: string[];
  address: string | null;
  location: z.infer<typeof Gcj02PointSchema> | null;
  phone: string | null;
  intro: string | null;
  students: number | null;
  /** 在校家庭数 (AP30), null when not set. */
  families: number | null;
  campuses: AdminCampus[];
  version: number;
  archivedAt: string | null;
}

export interface AdminGroup {
  id: string;
  districtId: string;
  name: string;
  type: string;
  leadSchoolId: string | null;
  partners: string[];
  version: number;
  archivedAt: string | null;
}

/** GET /api/admin/districts/:id/catalog (district admins) */
export interface DistrictCatalog {
  district: { id: string; name: string; city: string; province: string; divisionCode: string | null; version: number };
  /** The term today falls in, and the next: what a move or a new group is usually dated from. */
  currentTerm: string;
  nextTerm: string;
  /** Built-in types first, then the district's own. */
  groupTypes: { builtin: string[]; own: string[] };
  groups: AdminGroup[];
  schools: AdminSchool[];
  /** Every dated membership of the district, in force or not (history included). */
  memberships: AdminMembership[];
}

/** GET /api/admin/groups/:id/catalog (the group's admins, read-only; district admins too) */
export interface GroupCatalog {
  group: AdminGroup;
  currentTerm: string;
  schools: AdminSchool[];
  memberships: AdminMembership[];
}

/** The answer of a school or group write: the item as it now is, with its new version. */
export interface SchoolWritten {
  school: AdminSchool;
}
export interface GroupWritten {
  group: AdminGroup;
}
/** PUT /api/admin/districts/:id/group-types: the types as they now are, and the district's new version. */
export interface GroupTypesWritten {
  groupTypes: { builtin: string[]; own: string[] };
  version: number;
}
export interface MoveWritten {
  school: AdminSchool;
  memberships: AdminMembership[];
}

// ── import ─────────────────────────────────────────────────────────────────────────────────

/**
 * POST /api/admin/districts/:id/catalog/import: one sheet, a row per school (its group, role and
 * profile beside it). `apply: false` answers the preview only; `apply: true` writes it, all or
 * nothing, if it still has no errors. Memberships it changes take effect from `fromTerm`.
 */
export const CatalogImportBodySchema = lazySchema(() =>
  z.object({
    format: z.enum(['xlsx', 'csv']),
    /** base64 */
    file: z.string().min(1, '请上传文件').max(CATALOG_IMPORT_FILE_BASE64_MAX, '文件过大，请拆分文件后重新上传'),
    fromTerm: TermIdSchema,
    apply: z.boolean().default(false),
    /**
     * The `basis` of the preview this apply confirms: if the district's catalogue changed since,
     * the apply is refused (409 CONFLICT 请刷新后重试) instead of undoing that change.
     */
    basis: z.string().max(64).optional(),
  }),
);
export type CatalogImportBody = z.infer<typeof CatalogImportBodySchema>;

export interface CatalogImportIssue {
  row: number;
  column: string;
  message: string;
}

export interface CatalogImportPreview {
  /** true once written (apply: true and no errors). */
  applied: boolean;
  /** What the preview was made on; send it back with `apply: true`. */
  basis: string;
  rows: number;
  errors: CatalogImportIssue[];
  changes: {
    groupsAdded: string[];
    groupsChanged: string[];
    schoolsAdded: string[];
    schoolsChanged: string[];
    /** 某校：甲集团 → 乙集团 (from fromTerm) */
    moves: string[];
    enrollmentsSet: number;
  };
}
