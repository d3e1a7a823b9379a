import { randomUUID } from 'node:crypto';
import type { DevLoginBody, Session } from '../../../../shared';
import { userKeyFor } from './domain/pseudonym';
import { signSessionToken } from './session-token';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from './request-user';
import { meView } from './me-view';
import { StaffService } from './staff-service';

type Deps = Pick<Infrastructure, 'config' | 'users' | 'staff' | 'catalog' | 'wechat' | 'now'>;

/** Login and logout. The openid is turned into the pseudonymous user id at once and dropped. */
export class SessionService {
  constructor(private readonly deps: Deps) {}

  async loginWithWechat(code: string): Promise<Session> {
    const { openid } = await this.deps.wechat.code2Session(code);
    return this.openSession(userKeyFor(openid, this.deps.config.auth.pseudonymSecret), openid);
  }

  /**
   * Local demo only (the route exists only when config.auth.devLogin). Each role gets a fixed
   * demo user whose rights are granted through the same paths as real users': a district
   * admin like the bootstrap CLI, a group admin and a teacher by redeeming an invite.
   */
  async loginDev(body: DevLoginBody): Promise<Session> {
    const scope = body.districtId ?? body.groupIds?.join('+') ?? body.schoolId ?? 'none';
    const userKey = userKeyFor(`dev:${body.role}:${scope}`, this.deps.config.auth.pseudonymSecret);
    const staff = new StaffService(this.deps);
    const at = this.deps.now().toISOString();
    if (body.role === 'district_admin') {
      const district = body.districtId && (await this.deps.catalog.getDistrict(body.districtId));
      if (!district) throw new NotFoundError('未找到该区县');
      await this.deps.users.putGrant(userKey, {
        kind: 'grant',
        role: 'district_admin',
        scopeType: 'district',
        scopeId: district.id,
        scopeName: district.name,
        grantedAt: at,
        grantedVia: 'dev-login',
      });
    } else if (body.role === 'group_admin') {
      for (const groupId of body.groupIds ?? []) await staff.grantGroupAdminDirectly(userKey, groupId, 'dev-login');
    } else if (body.role === 'teacher') {
      if (!body.schoolId) throw new NotFoundError('未找到该学校');
      await staff.bindDemoTeacher(userKey, body.schoolId);
    }
    return this.openSession(userKey);
  }

  async logout(user: RequestUser): Promise<void> {
    if (user.sessionId) await this.deps.users.deleteSession(user.userKey, user.sessionId);
  }

  private async openSession(userKey: string, openid?: string): Promise<Session> {
    const { config, users, now } = this.deps;
    const sessionId = randomUUID();
    const issuedAt = now();
    const expiresAt = new Date(issuedAt.getTime() + config.auth.sessionTtlSeconds * 1000);
    await users.putSession(userKey, {
      kind: 'session',
      sessionId,
      createdAt: issuedAt.toISOString(),
      expiresAt: Math.floor(expiresAt.getTime() / 1000),
      ...(openid ? { openid } : {}),
    });
    const token = await signSessionToken({ userKey, sessionId }, config.auth.sessionSecret, expiresAt);
    return { token, expiresAt: expiresAt.toISOString(), me: meView(userKey, await users.listItems(userKey)) };
  }
}
