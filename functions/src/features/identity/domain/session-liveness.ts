/** A session item read for a request is live unless missing or past its expiry (TTL removes it later). */
export const isLive = <T extends { expiresAt: number }>(session: T | null | undefined, nowSeconds: number): session is T =>
  !!session && session.expiresAt > nowSeconds;
