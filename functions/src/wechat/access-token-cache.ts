/** What WeChat hands out: the token and how many seconds it is still valid. */
export interface FreshAccessToken {
  token: string;
  expiresInSeconds: number;
}

/** Stop using a token this long before WeChat says it expires (clock skew, slow requests). */
export const ACCESS_TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * The app's access token, held in memory per container/process. Concurrent callers share one
 * fetch (single-flight), so a cold start under load asks WeChat once, not once per request.
 */
export class AccessTokenCache {
  private current: { token: string; usableUntil: number } | null = null;
  private inFlight: Promise<string> | null = null;

  constructor(
    private readonly fetchToken: () => Promise<FreshAccessToken>,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<string> {
    if (this.current && this.now() < this.current.usableUntil) return Promise.resolve(this.current.token);
    this.inFlight ??= this.refresh().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * Forget the token after WeChat rejected it (40001/42001). Passing the rejected token keeps a
   * late caller from throwing away a newer token that another caller has already fetched.
   */
  invalidate(rejected?: string): void {
    if (rejected === undefined || this.current?.token === rejected) this.current = null;
  }

  private async refresh(): Promise<string> {
    const { token, expiresInSeconds } = await this.fetchToken();
    const lifetimeMs = expiresInSeconds * 1000;
    // stable_token reports the REMAINING lifetime, which can be shorter than the margin near the
    // end of a token's life; then keep it for half of what is left rather than refetching on
    // every call until WeChat rolls it over.
    const marginMs = Math.min(ACCESS_TOKEN_MARGIN_MS, lifetimeMs / 2);
    this.current = { token, usableUntil: this.now() + lifetimeMs - marginMs };
    return token;
  }
}
