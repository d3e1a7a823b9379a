import { jwtVerify, SignJWT } from 'jose';

/** Session tokens: short-lived HS256 JWTs whose subject is the pseudonymous user id. */
const ISSUER = 'jituan';
const AUDIENCE = 'jituan-api';

export interface SessionClaims {
  userKey: string;
  sessionId: string;
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signSessionToken(claims: SessionClaims, secret: string, expiresAt: Date): Promise<string> {
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userKey)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keyOf(secret));
}

/** null for anything not a valid, unexpired token of ours (the caller answers 401). */
export async function verifySessionToken(token: string, secret: string, now: Date = new Date()): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: now,
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
    return { userKey: payload.sub, sessionId: payload.sid };
  } catch {
    return null;
  }
}
