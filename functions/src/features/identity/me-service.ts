import type { DeletionReport, Me } from '../../../../shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { Infrastructure } from '../../infrastructure';
import type { RequestUser } from './request-user';
import { meView } from './me-view';
import { isActive } from '../catalog/current-term';
import type { StaffService } from './staff-service';

type Deps = Pick<Infrastructure, 'users' | 'catalog' | 'now' | 'news'>;

/** Parents bind schools (no more than this; nobody has more children's schools). */
export const MAX_BOUND_SCHOOLS = 10;

/** The caller's own data: view, bindings, invite redemption, deletion. */
export class MeService {
  constructor(
    private readonly deps: Deps,
    private readonly staff: StaffService,
  ) {}

  async me(user: RequestUser): Promise<Me> {
    return meView(user.userKey, await user.allItems());
  }

  async bindSchool(user: RequestUser, schoolId: string): Promise<Me> {
    const found = await this.deps.catalog.getSchoolWithCampuses(schoolId);
    // An archived school has no public page any more (DirectoryService.school): nor a new binding.
    if (!found || !isActive(found.school)) throw new NotFoundError('未找到该学校');
    const items = await user.allItems();
    const bound = items.filter((i) => i.kind === 'school-binding');
    if (!bound.some((i) => i.kind === 'school-binding' && i.schoolId === schoolId)) {
      if (bound.length >= MAX_BOUND_SCHOOLS) throw new ConflictError('TOO_MANY_SCHOOLS', `最多可绑定 ${MAX_BOUND_SCHOOLS} 所学校`);
      const { school } = found;
      await this.deps.users.putSchoolBinding(user.userKey, {
        kind: 'school-binding',
        schoolId,
        name: school.name,
        districtId: school.districtId,
        boundAt: this.deps.now().toISOString(),
      });
      user.forget();
    }
    return this.me(user);
  }

  async unbindSchool(user: RequestUser, schoolId: string): Promise<Me> {
    if (!(await this.deps.users.deleteSchoolBinding(user.userKey, schoolId))) throw new NotFoundError('未绑定该学校');
    user.forget();
    return this.me(user);
  }

  async redeemInvite(user: RequestUser, code: string): Promise<Me> {
    await this.staff.redeem(user.userKey, code);
    user.forget();
    return this.me(user);
  }

  /**
   * Everything tied to the user goes, at once: roles, bindings, sessions, news reads and
   * consents. Rate-limit buckets stay until their TTL: they hold nothing but the pseudonym and
   * a token count, and deleting them would hand a fresh limit to whoever deletes and logs in again.
   */
  async deleteEverything(user: RequestUser): Promise<DeletionReport> {
    const removed = await this.deps.users.deleteEverything(user.userKey);
    // News read markers and notification consents (with their openid) live beside USER#.
    const newsState = await this.deps.news.deleteUserData(user.userKey);
    const count = (kind: string) => removed.filter((item) => item.kind === kind).length;
    return {
      deleted: {
        roles: count('grant'),
        schools: count('school-binding'),
        teacherBindings: count('teacher-binding'),
        sessions: count('session'),
        other: newsState,
      },
    };
  }
}
