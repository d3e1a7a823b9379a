import { z } from 'zod';
import { IdSchema } from '../common';
import { lazySchema } from '../lazy-schema';

/**
 * Who a user is to the system. Every WeChat user is a parent; the other roles are granted
 * (teacher through an invite code, admins by an admin or the bootstrap CLI) with a scope.
 */
export const RoleSchema = lazySchema(() => z.enum(['parent', 'teacher', 'group_admin', 'district_admin']));
export type Role = z.infer<typeof RoleSchema>;

export const ScopeTypeSchema = lazySchema(() => z.enum(['district', 'group', 'teacher']));
export type ScopeType = z.infer<typeof ScopeTypeSchema>;

export const RoleGrantSchema = lazySchema(() =>
  z.object({
    role: RoleSchema,
    /** null for parent (no scope). */
    scope: z.object({ type: ScopeTypeSchema, id: IdSchema, name: z.string() }).nullable(),
  }),
);
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const BoundSchoolSchema = lazySchema(() =>
  z.object({
    schoolId: IdSchema,
    name: z.string(),
    districtId: IdSchema,
    boundAt: z.string(),
  }),
);
export type BoundSchool = z.infer<typeof BoundSchoolSchema>;

export const TeacherBindingSchema = lazySchema(() =>
  z.object({
    teacherId: IdSchema,
    name: z.string(),
    schoolId: IdSchema,
    schoolName: z.string(),
    boundAt: z.string(),
  }),
);
export type TeacherBinding = z.infer<typeof TeacherBindingSchema>;

/** GET /api/me. `userId` is a pseudonym (HMAC of the openid); the openid itself is never sent. */
export const MeSchema = lazySchema(() =>
  z.object({
    userId: z.string(),
    roles: z.array(RoleGrantSchema),
    schools: z.array(BoundSchoolSchema),
    teacher: TeacherBindingSchema.nullable(),
  }),
);
export type Me = z.infer<typeof MeSchema>;

export const SessionSchema = lazySchema(() =>
  z.object({
    token: z.string(),
    /** ISO 8601; the client logs in again (silently) after this or on any 401. */
    expiresAt: z.string(),
    me: MeSchema,
  }),
);
export type Session = z.infer<typeof SessionSchema>;

/** POST /api/auth/wechat: the code from wx.login(). */
export const WechatLoginBodySchema = lazySchema(() => z.object({ code: z.string().trim().min(1).max(128) }));
export type WechatLoginBody = z.infer<typeof WechatLoginBodySchema>;

/** POST /api/auth/dev (local demo only, AUTH_DEV_LOGIN=1). */
export const DevLoginBodySchema = lazySchema(() =>
  z.object({
    role: RoleSchema,
    districtId: IdSchema.optional(),
    groupIds: z.array(IdSchema).min(1).max(20).optional(),
    schoolId: IdSchema.optional(),
  }),
);
export type DevLoginBody = z.infer<typeof DevLoginBodySchema>;

/** POST /api/me/schools: a parent binds 我的学校 (no child data is collected). */
export const BindSchoolBodySchema = lazySchema(() => z.object({ schoolId: IdSchema }));
export type BindSchoolBody = z.infer<typeof BindSchoolBodySchema>;

/** POST /api/me/invite: redeem a one-time invite code (teacher or group admin). */
export const RedeemInviteBodySchema = lazySchema(() =>
  z.object({
    code: z
      .string()
      .trim()
      .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^[A-Z0-9]{8,12}$/, '邀请码格式不正确')),
  }),
);
export type RedeemInviteBody = z.infer<typeof RedeemInviteBodySchema>;

/** DELETE /api/me: what was removed, so the user can see it. */
export const DeletionReportSchema = lazySchema(() =>
  z.object({
    deleted: z.object({
      roles: z.number().int().nonnegative(),
      schools: z.number().int().nonnegative(),
      teacherBindings: z.number().int().nonnegative(),
      sessions: z.number().int().nonnegative(),
      other: z.number().int().nonnegative(),
    }),
  }),
);
export type DeletionReport = z.infer<typeof DeletionReportSchema>;

/** Admin: a teacher record (name and school only: no ID or phone numbers). */
export const CreateTeacherBodySchema = lazySchema(() =>
  z.object({
    name: z.string().trim().min(1).max(30),
    schoolId: IdSchema,
    subject: z.string().trim().max(20).optional(),
  }),
);
export type CreateTeacherBody = z.infer<typeof CreateTeacherBodySchema>;

export const TeacherSchema = lazySchema(() =>
  z.object({
    id: IdSchema,
    name: z.string(),
    schoolId: IdSchema,
    subject: z.string().optional(),
    bound: z.boolean(),
  }),
);
export type Teacher = z.infer<typeof TeacherSchema>;

export const InviteTargetSchema = lazySchema(() =>
  z.discriminatedUnion('role', [
    z.object({ role: z.literal('teacher'), teacherId: IdSchema }),
    z.object({ role: z.literal('group_admin'), groupId: IdSchema }),
  ]),
);
export type InviteTarget = z.infer<typeof InviteTargetSchema>;

export const CreateInviteBodySchema = lazySchema(() =>
  z.object({
    target: InviteTargetSchema,
    /** Hours until the code expires: 1 hour to 14 days, default 72. */
    validHours: z.number().int().min(1).max(336).default(72),
  }),
);
export type CreateInviteBody = z.infer<typeof CreateInviteBodySchema>;

/** The code is shown once, to the admin who created it; only its hash is stored. */
export const InviteSchema = lazySchema(() =>
  z.object({
    id: z.string(),
    code: z.string().optional(),
    target: InviteTargetSchema,
    expiresAt: z.string(),
    status: z.enum(['active', 'used', 'revoked', 'expired']),
  }),
);
export type Invite = z.infer<typeof InviteSchema>;
