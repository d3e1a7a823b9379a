import { randomUUID } from 'node:crypto';
import type { DevLoginBody, Session } from '../../../../shared';
import { userKeyFor } from './domain/pseudonym';
import { signSessionToken, verifySessionToken } from './session-token';
import { NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import { WeChatNotConfiguredError } from './login-errors';
import type { RateLimiter } from './rate-limiter';
import { RequestUser } from './request-user';
import { meView } from './me-view';
import type { StaffService } from './staff-service';

type Deps = Pick<Infrastructure, 'config' | 'users' | 'catalog' | 'wechat' | 'now'>;

/** What a request says about its caller. */
export interface Credentials {
  /** From the WeChat cloud adapter's context variables (wechat/wx-context.ts): trusted as is. */
  wxOpenId?: string;
  /** The Authorization header, if any. */
  authorization?: string;
}

/** Login, logout and who is calling. The openid is turned into the pseudonymous user id at once and dropped. */
export class SessionService {
  constructor(
    private readonly deps: Deps,
    private readonly staff: StaffService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * The caller: the cloud adapter's openid as is; over HTTP a Bearer session token, verified.
   * 'rejected' for a token that fails verification, null when none was sent. Whether the
   * token's session still exists (logout and DELETE /api/me end it at once) is decided before
   * the caller is used, by RequestUser.live(): the session read (AP124) or the route's own read.
   */
  async identify({ wxOpenId, authorization }: Credentials): Promise<RequestUser | 'rejected' | null> {
    const { config, users, now } = this.deps;
    if (wxOpenId) return new RequestUser(userKeyFor(wxOpenId, config.auth.pseudonymSecret), users, { openid: wxOpenId });
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const claims = match ? await verifySessionToken(match[1], config.auth.sessionSecret, now()) : null;
    if (!claims) return 'rejected';
    const nowSeconds = () => Math.floor(now().getTime() / 1000);
    return new RequestUser(claims.userKey, users, {
      sessionId: claims.sessionId,
      nowSeconds,
      // The session and the caller's items in one read (AP124): most requests look at both.
      read: () => users.getSessionWithItems(claims.userKey, claims.sessionId, nowSeconds()),
    });
  }

  /**
   * POST /api/auth/wechat is public and each call costs a call to WeChat: refused without a
   * WeChat app (nothing to call with), and limited per source address when the runtime says
   * which one sent it.
   */
  async loginWithWechat({ code, sourceIp }: { code: string; sourceIp?: string }): Promise<Session> {
    const { appId, appSecret } = this.deps.config.wechat;
    if (!appId || !appSecret) throw new WeChatNotConfiguredError();
    await this.limiter.takeForSource(sourceIp, 'logins');
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
      for (const groupId of body.groupIds ?? []) await this.staff.grantGroupAdminDirectly(userKey, groupId, 'dev-login');
    } else if (body.role === 'teacher') {
      if (!body.schoolId) throw new NotFoundError('未找到该学校');
      await this.staff.bindDemoTeacher(userKey, body.schoolId);
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
