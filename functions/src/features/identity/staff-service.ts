import type { CreateInviteBody, CreateTeacherBody, Invite, InviteTarget, Teacher } from '../../../../shared';
import { inviteIdFor } from './domain/pseudonym';
import { ConflictError, GoneError, InviteNotFoundError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { GrantItem, InviteItem, TeacherBindingItem, TeacherItem } from './identity-items';
import { formatInviteCode, newId, newInviteCode } from './domain/invite-codes';
import { currentTerm } from '../catalog/current-term';

type Deps = Pick<Infrastructure, 'config' | 'users' | 'staff' | 'catalog' | 'now'>;

const teacherView = (t: TeacherItem): Teacher => ({
  id: t.id,
  name: t.name,
  schoolId: t.schoolId,
  ...(t.subject ? { subject: t.subject } : {}),
  bound: t.boundUserKey !== undefined,
});

function inviteView(invite: InviteItem, now: string, code?: string): Invite {
  const status = invite.status === 'active' && invite.expiresAt <= now ? 'expired' : invite.status;
  return { id: invite.id, ...(code ? { code: formatInviteCode(code) } : {}), target: invite.target, expiresAt: invite.expiresAt, status };
}

/** Teacher records and invite codes: how teachers and group admins get their roles. */
export class StaffService {
  constructor(private readonly deps: Deps) {}

  async createTeacher(body: CreateTeacherBody): Promise<Teacher> {
    const found = await this.deps.catalog.getSchoolWithCampuses(body.schoolId);
    if (!found) throw new NotFoundError('未找到该学校');
    const teacher: TeacherItem = {
      kind: 'teacher',
      id: newId('t'),
      name: body.name,
      schoolId: body.schoolId,
      ...(body.subject ? { subject: body.subject } : {}),
      createdAt: this.deps.now().toISOString(),
    };
    await this.deps.staff.putTeacher(teacher);
    return teacherView(teacher);
  }

  async listTeachers(schoolId: string): Promise<Teacher[]> {
    const teachers = await this.deps.staff.listTeachersOfSchool(schoolId);
    return teachers.map(teacherView).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  }

  /** The code exists only in this answer; the table keeps its HMAC as the invite id. */
  async createInvite(body: CreateInviteBody, createdBy: string): Promise<Invite> {
    const { teacher } = await this.describeTarget(body.target);
    if (teacher?.boundUserKey) throw new ConflictError('TEACHER_ALREADY_BOUND', '该教师已绑定微信账号');
    const now = this.deps.now();
    const code = newInviteCode();
    const invite: InviteItem = {
      kind: 'invite',
      id: inviteIdFor(code, this.deps.config.auth.pseudonymSecret),
      target: body.target,
      status: 'active',
      expiresAt: new Date(now.getTime() + body.validHours * 3600_000).toISOString(),
      createdAt: now.toISOString(),
      createdBy,
    };
    await this.deps.staff.putInvite(invite);
    return inviteView(invite, now.toISOString(), code);
  }

  /** The invite an admin acts on (404 if there is none). */
  async invite(inviteId: string): Promise<InviteItem> {
    const invite = await this.deps.staff.getInvite(inviteId);
    if (!invite) throw new NotFoundError('未找到该邀请码');
    return invite;
  }

  /** Revokes it if still active; otherwise says what became of it (used, revoked, possibly since it was read). */
  async revokeInvite(invite: InviteItem): Promise<Invite> {
    const now = this.deps.now().toISOString();
    if (await this.deps.staff.revokeInvite(invite.id, now)) return inviteView({ ...invite, status: 'revoked' }, now);
    return inviteView((await this.deps.staff.getInvite(invite.id)) ?? invite, now);
  }

  /** Redeems a code for `userKey`; every failure says why in Chinese. */
  async redeem(userKey: string, code: string, via = 'invite'): Promise<void> {
    const inviteId = inviteIdFor(code, this.deps.config.auth.pseudonymSecret);
    const invite = await this.deps.staff.getInvite(inviteId);
    if (!invite) throw new InviteNotFoundError();
    const now = this.deps.now().toISOString();
    this.assertRedeemable(invite, now);
    const { grant, teacherBinding } = await this.grantFor(invite.target, now, `${via}:${invite.id}`);
    if (teacherBinding && (await this.deps.users.listItems(userKey)).some((i) => i.kind === 'teacher-binding')) {
      throw new ConflictError('ALREADY_TEACHER', '你已绑定教师身份，如需更换请先删除我的数据或联系管理员');
    }
    const outcome = await this.deps.staff.redeemInvite({ inviteId, now, userKey, grant, teacherBinding });
    if (outcome === 'redeemed') return;
    // Something changed between the read and the transaction: say what.
    const latest = await this.deps.staff.getInvite(inviteId);
    if (latest) this.assertRedeemable(latest, now);
    throw new ConflictError('TEACHER_ALREADY_BOUND', '该教师已被其他微信账号绑定，请联系管理员');
  }

  async grantGroupAdminDirectly(userKey: string, groupId: string, via: string): Promise<void> {
    const { grant } = await this.grantFor({ role: 'group_admin', groupId }, this.deps.now().toISOString(), via);
    await this.deps.users.putGrant(userKey, grant);
  }

  /** Demo: a teacher record at the school for the dev teacher, bound through a real invite. */
  async bindDemoTeacher(userKey: string, schoolId: string): Promise<void> {
    if ((await this.deps.users.listItems(userKey)).some((i) => i.kind === 'teacher-binding')) return;
    const teacher = await this.createTeacher({ name: '演示教师', schoolId });
    const invite = await this.createInvite({ target: { role: 'teacher', teacherId: teacher.id }, validHours: 1 }, 'dev-login');
    await this.redeem(userKey, invite.code!.replace('-', ''), 'dev-login');
  }

  private assertRedeemable(invite: InviteItem, now: string): void {
    if (invite.status === 'used') throw new GoneError('INVITE_USED', '该邀请码已被使用');
    if (invite.status === 'revoked') throw new GoneError('INVITE_REVOKED', '该邀请码已被撤销');
    if (invite.expiresAt <= now) throw new GoneError('INVITE_EXPIRED', '该邀请码已过期，请联系管理员重新生成');
  }

  private async describeTarget(target: InviteTarget): Promise<{ teacher?: TeacherItem; schoolName?: string; groupName?: string }> {
    if (target.role === 'teacher') {
      const teacher = await this.deps.staff.getTeacher(target.teacherId);
      if (!teacher) throw new NotFoundError('未找到该教师');
      // Whether it is still free is for the redemption transaction to decide, atomically.
      const school = await this.deps.catalog.getSchoolWithCampuses(teacher.schoolId);
      return { teacher, schoolName: school?.school.name ?? '' };
    }
    const group = await this.deps.catalog.getGroupWithMembers(target.groupId, currentTerm(this.deps));
    if (!group) throw new NotFoundError('未找到该教育集团');
    return { groupName: group.group.name };
  }

  private async grantFor(
    target: InviteTarget,
    at: string,
    via: string,
  ): Promise<{ grant: GrantItem; teacherBinding?: TeacherBindingItem }> {
    const described = await this.describeTarget(target);
    if (target.role === 'group_admin') {
      return {
        grant: {
          kind: 'grant',
          role: 'group_admin',
          scopeType: 'group',
          scopeId: target.groupId,
          scopeName: described.groupName!,
          grantedAt: at,
          grantedVia: via,
        },
      };
    }
    const teacher = described.teacher!;
    return {
      grant: {
        kind: 'grant',
        role: 'teacher',
        scopeType: 'teacher',
        scopeId: teacher.id,
        scopeName: teacher.name,
        grantedAt: at,
        grantedVia: via,
      },
      teacherBinding: {
        kind: 'teacher-binding',
        teacherId: teacher.id,
        name: teacher.name,
        schoolId: teacher.schoolId,
        schoolName: described.schoolName!,
        boundAt: at,
      },
    };
  }
}
