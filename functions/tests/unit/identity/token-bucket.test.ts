import { takeToken } from '../../../src/features/identity/domain/token-bucket';

const policy = { capacity: 3, refillPerSecond: 0.5 };

describe('takeToken', () => {
  it('starts full and takes one token per request', () => {
    const first = takeToken(null, 0, policy);
    expect(first).toEqual({ allowed: true, next: { tokens: 2, refilledAt: 0 } });
  });

  it('refuses below one token and says how long to wait', () => {
    expect(takeToken({ tokens: 0.2, refilledAt: 0 }, 0, policy)).toEqual({
      allowed: false,
      next: { tokens: 0.2, refilledAt: 0 },
      retryAfterSeconds: 2,
    });
  });

  it('refills with time, never above capacity', () => {
    expect(takeToken({ tokens: 0, refilledAt: 0 }, 2000, policy)).toEqual({ allowed: true, next: { tokens: 0, refilledAt: 2000 } });
    expect(takeToken({ tokens: 1, refilledAt: 0 }, 3_600_000, policy)).toEqual({
      allowed: true,
      next: { tokens: 2, refilledAt: 3_600_000 },
    });
  });

  it('ignores a clock that went backwards', () => {
    expect(takeToken({ tokens: 0.5, refilledAt: 5000 }, 1000, policy).allowed).toBe(false);
  });
});
