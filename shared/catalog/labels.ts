/**
 * Display labels, kept free of zod so the mini-program can import them without pulling the
 * schema library into its main package. Types only come from the schemas.
 */
import type { MemberRole, Stage } from './group';
import type { Role } from '../identity/identity';

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  lead: '牵头校',
  member: '成员校',
  alliance: '联盟校',
};

export const STAGE_LABELS: Record<Stage, string> = {
  小学: '小学',
  初中: '初中',
  中学: '中学',
  九年一贯制: '九年一贯制',
  高中: '高中',
  完全中学: '完全中学',
  十二年一贯制: '十二年一贯制',
};

export const ROLE_LABELS: Record<Role, string> = {
  parent: '家长',
  teacher: '教师',
  group_admin: '集团管理员',
  district_admin: '区管理员',
};
