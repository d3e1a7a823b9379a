import type { SessionItem } from '../../../src/features/identity/identity-items';
import { RequestUser } from '../../../src/features/identity/request-user';
import type { UserRepository } from '../../../src/features/identity/user-repository';

const NOW = 1_000_000;
const session = (expiresAt: number, openid?: string): SessionItem => ({
  kind: 'session',
  sessionId: 's1',
  createdAt: '2026-12-03T00:00:00.000Z',
  expiresAt,
  ...(openid ? { openid } : {}),
});

/** An HTTP caller whose session read (AP124) finds `stored`, counting the reads. */
function httpCaller(stored: SessionItem | null) {
  const reads = { session: 0, items: 0 };
  const users = { listItems: async () => (reads.items++, []) } as unknown as UserRepository;
  const user = new RequestUser('u1', users, {
    sessionId: 's1',
    nowSeconds: () => NOW,
    read: async () => (reads.session++, stored && stored.expiresAt > NOW ? { session: stored, items: [] } : null),
  });
  return { user, reads };
}

describe('RequestUser', () => {
  it('reads an HTTP session once per request, and knows the openid only once it is live', async () => {
    // Prepare
    const { user, reads } = httpCaller(session(NOW + 60, 'o1'));
    const before = user.openid;
    // Act
    const answers = [await user.live(), await user.live()];
    await user.allItems();
    // Assess
    expect(before).toBeNull();
    expect(answers).toEqual([true, true]);
    expect(user.openid).toBe('o1');
    expect(reads).toEqual({ session: 1, items: 0 });
  });

  it('takes the session item a route read with its subject, and reads no session of its own', async () => {
    // Prepare
    const live = httpCaller(null);
    const ended = httpCaller(null);
    const expired = httpCaller(null);
    // Act
    live.user.settle(session(NOW + 1, 'o2'));
    ended.user.settle(null);
    expired.user.settle(session(NOW));
    // Assess
    expect([await live.user.live(), await ended.user.live(), await expired.user.live()]).toEqual([true, false, false]);
    expect(live.user.openid).toBe('o2');
    expect([live.reads.session, ended.reads.session, expired.reads.session]).toEqual([0, 0, 0]);
  });

  it('keeps the first answer: a session already read is not replaced by a later settle', async () => {
    // Prepare
    const { user } = httpCaller(null);
    // Act
    const first = await user.live();
    user.settle(session(NOW + 60));
    // Assess
    expect(first).toBe(false);
    expect(await user.live()).toBe(false);
  });

  it('trusts a caller without a session (the WeChat cloud adapter) and reads their items when asked', async () => {
    // Prepare
    let listed = 0;
    const users = { listItems: async () => (listed++, []) } as unknown as UserRepository;
    const user = new RequestUser('u2', users, { openid: 'o3' });
    // Act
    const live = await user.live();
    user.settle(null);
    await user.grants();
    // Assess
    expect(live).toBe(true);
    expect(await user.live()).toBe(true);
    expect([user.openid, user.sessionId, listed]).toEqual(['o3', null, 1]);
  });
});
