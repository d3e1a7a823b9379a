/**
 * Token bucket, as a pure function of the stored state and the clock:
 *   tokens(now) = min(capacity, tokens + (now − refilledAt) / 1000 × refillPerSecond)
 * A request takes one token; with less than one, it waits
 *   retryAfter = ceil((1 − tokens(now)) / refillPerSecond) seconds.
 */
export interface BucketState {
  tokens: number;
  refilledAt: number;
}

export interface BucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

export type TakeResult = { allowed: true; next: BucketState } | { allowed: false; next: BucketState; retryAfterSeconds: number };

export function takeToken(state: BucketState | null, now: number, policy: BucketPolicy): TakeResult {
  const elapsed = state ? Math.max(0, now - state.refilledAt) / 1000 : 0;
  const tokens = state ? Math.min(policy.capacity, state.tokens + elapsed * policy.refillPerSecond) : policy.capacity;
  if (tokens >= 1) return { allowed: true, next: { tokens: tokens - 1, refilledAt: now } };
  return {
    allowed: false,
    next: { tokens, refilledAt: now },
    retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / policy.refillPerSecond)),
  };
}
