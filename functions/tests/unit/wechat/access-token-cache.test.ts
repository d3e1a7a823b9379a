import { ACCESS_TOKEN_MARGIN_MS, AccessTokenCache, type FreshAccessToken } from '../../../src/wechat/access-token-cache';

/** A token source that hands out TOKEN_1, TOKEN_2 ... and can be held open to test overlap. */
function tokenSource(expiresInSeconds = 7200) {
  const source = {
    fetches: 0,
    fail: false,
    /** When set, fetches wait for release() before answering. */
    gate: null as Promise<void> | null,
    fetch: async (): Promise<FreshAccessToken> => {
      source.fetches++;
      const n = source.fetches;
      if (source.gate) await source.gate;
      if (source.fail) throw new Error('token source down');
      return { token: `TOKEN_${n}`, expiresInSeconds };
    },
  };
  return source;
}

describe('AccessTokenCache', () => {
  it('fetches the token once and then serves it from memory', async () => {
    // Prepare
    const source = tokenSource();
    const cache = new AccessTokenCache(source.fetch, () => 0);

    // Act
    const tokens = [await cache.get(), await cache.get(), await cache.get()];

    // Assess
    expect(tokens).toEqual(['TOKEN_1', 'TOKEN_1', 'TOKEN_1']);
    expect(source.fetches).toBe(1);
  });

  it('lets concurrent callers share one fetch', async () => {
    // Prepare
    const source = tokenSource();
    let release!: () => void;
    source.gate = new Promise((resolve) => (release = resolve));
    const cache = new AccessTokenCache(source.fetch, () => 0);

    // Act
    const pending = Array.from({ length: 10 }, () => cache.get());
    release();
    const tokens = await Promise.all(pending);

    // Assess
    expect(new Set(tokens)).toEqual(new Set(['TOKEN_1']));
    expect(source.fetches).toBe(1);
  });

  it('stops using the token five minutes before WeChat says it expires', async () => {
    // Prepare
    const source = tokenSource(7200);
    let clock = 1_000;
    const cache = new AccessTokenCache(source.fetch, () => clock);
    await cache.get();

    // Act
    clock += 7200_000 - ACCESS_TOKEN_MARGIN_MS - 1;
    const justBefore = await cache.get();
    clock += 1;
    const atTheMargin = await cache.get();

    // Assess
    expect([justBefore, atTheMargin]).toEqual(['TOKEN_1', 'TOKEN_2']);
    expect(ACCESS_TOKEN_MARGIN_MS).toBe(300_000);
  });

  it('keeps a token with less than the margin left for half its remaining life, instead of refetching on every call', async () => {
    // Prepare: stable_token reports the remaining lifetime, here 2 minutes.
    const source = tokenSource(120);
    let clock = 0;
    const cache = new AccessTokenCache(source.fetch, () => clock);
    await cache.get();

    // Act
    clock = 59_999;
    const stillCached = await cache.get();
    clock = 60_000;
    const refetched = await cache.get();

    // Assess
    expect([stillCached, refetched]).toEqual(['TOKEN_1', 'TOKEN_2']);
  });

  it('does not cache a failure: the next caller asks again', async () => {
    // Prepare
    const source = tokenSource();
    const cache = new AccessTokenCache(source.fetch, () => 0);
    source.fail = true;

    // Act
    const failed = await cache.get().then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    source.fail = false;
    const recovered = await cache.get();

    // Assess
    expect(failed).toBe('token source down');
    expect(recovered).toBe('TOKEN_2');
  });

  it('forgets a rejected token, but not a newer one fetched since', async () => {
    // Prepare
    const source = tokenSource();
    const cache = new AccessTokenCache(source.fetch, () => 0);
    const first = await cache.get();
    cache.invalidate(first);
    const second = await cache.get();

    // Act: a late caller reports the first token as rejected.
    cache.invalidate(first);
    const afterLateReport = await cache.get();
    cache.invalidate();
    const afterPlainInvalidate = await cache.get();

    // Assess
    expect([first, second, afterLateReport, afterPlainInvalidate]).toEqual(['TOKEN_1', 'TOKEN_2', 'TOKEN_2', 'TOKEN_3']);
  });
});
