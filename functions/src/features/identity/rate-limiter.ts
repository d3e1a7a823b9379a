import type { Infrastructure } from '../../infrastructure';
import { sourceKeyFor } from './domain/pseudonym';
import { addressBlock } from './domain/source-address';
import { RateLimitedError } from '../../errors';
import type { RateBucket } from './domain/rate-bucket';

/** Takes a token from a bucket, with the limits of the configuration, or refuses with 429 (Retry-After). */
export class RateLimiter {
  constructor(private readonly infra: Pick<Infrastructure, 'rateLimits' | 'config'>) {}

  /** A caller's bucket, keyed by their pseudonym. */
  async take(userKey: string, bucket: RateBucket): Promise<void> {
    const result = await this.infra.rateLimits.take(userKey, bucket, this.infra.config.rateLimit[bucket]);
    if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
  }

  /**
   * A source address's bucket, keyed by an HMAC of its block (never the address itself).
   * Something that is not an address is not limited: the runtime did not say who sent it.
   */
  async takeForSource(sourceIp: string | undefined, bucket: RateBucket): Promise<void> {
    const block = sourceIp ? addressBlock(sourceIp) : null;
    if (block) await this.take(sourceKeyFor(block, this.infra.config.auth.pseudonymSecret), bucket);
  }
}
