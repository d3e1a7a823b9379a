import type { createCore } from '../../../src/core';
import { RequestUser } from '../../../src/features/identity/request-user';

/** A parent bound (through 我的's own bind service) to the schools they answer for. */
export async function boundParent(core: ReturnType<typeof createCore>, userKey: string, ...schoolIds: string[]): Promise<RequestUser> {
  const user = new RequestUser(userKey, core.infra.users);
  for (const schoolId of schoolIds) await core.services.me.bindSchool(user, schoolId);
  return user;
}
