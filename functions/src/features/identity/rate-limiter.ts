import type { Infrastructure } from '../../infrastructure';
import type { RateBucket } from './rate-limit-repository';

/** Takes a token from one of a caller's buckets, with the limits of the configuration. */
export class RateLimiter {
  constructor(private readonly infra: Pick<Infrastructure, 'rateLimits' | 'config'>) {}

  take(userKey: string, bucket: RateBucket) {
    return this.infra.rateLimits.take(userKey, bucket, this.infra.config.rateLimit[bucket]);
  }
}
