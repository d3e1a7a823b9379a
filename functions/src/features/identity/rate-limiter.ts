import type { Infrastructure } from '../../infrastructure';
import { sourceKeyFor } from './domain/pseudonym';
import { addressBlock } from './domain/source-address';
import type { RateBucket } from './domain/rate-bucket';
import type { TakeResult } from './domain/token-bucket';

/** Takes a token from a bucket, with the limits of the configuration. */
export class RateLimiter {
  constructor(private readonly infra: Pick<Infrastructure, 'rateLimits' | 'config'>) {}

  /** A caller's bucket, keyed by their pseudonym. */
  take(userKey: string, bucket: RateBucket): Promise<TakeResult> {
    return this.infra.rateLimits.take(userKey, bucket, this.infra.config.rateLimit[bucket]);
  }

  /**
   * A source address's bucket, keyed by an HMAC of its block (never the address itself).
   * Something that is not an address is not limited: the runtime did not say who sent it.
   */
  async takeForSource(sourceIp: string | undefined, bucket: RateBucket): Promise<TakeResult | null> {
    const block = sourceIp ? addressBlock(sourceIp) : null;
    if (!block) return null;
    return this.take(sourceKeyFor(block, this.infra.config.auth.pseudonymSecret), bucket);
  }
}
