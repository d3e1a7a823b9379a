import { SignJWT } from 'jose';
import { inviteIdFor, userKeyFor } from '../../../src/features/identity/domain/pseudonym';
import { signSessionToken, verifySessionToken } from '../../../src/features/identity/session-token';

const SECRET = 'unit-test-secret-0123456789abcdef0123456789';
const later = () => new Date(Date.now() + 60_000);

describe('session tokens', () => {
  it('round-trip the pseudonymous user and the session', async () => {
    const token = await signSessionToken({ userKey: 'u1', sessionId: 's1' }, SECRET, later());
    expect(await verifySessionToken(token, SECRET)).toEqual({ userKey: 'u1', sessionId: 's1' });
  });

  it('reject an expired token, another secret, a tampered payload and alg none', async () => {
    // Prepare
    const expired = await signSessionToken({ userKey: 'u1', sessionId: 's1' }, SECRET, new Date(Date.now() - 1000));
    const good = await signSessionToken({ userKey: 'u1', sessionId: 's1' }, SECRET, later());
    const [header, , signature] = good.split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ sub: 'admin', sid: 's1', iss: 'jituan', aud: 'jituan-api', exp: 9e9 })).toString('base64url')}.${signature}`;
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${good.split('.')[1]}.`;
    const foreign = await new SignJWT({ sid: 's1' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    // Act / Assess
    for (const token of [expired, tampered, unsigned, foreign, 'garbage']) expect(await verifySessionToken(token, SECRET)).toBeNull();
    expect(await verifySessionToken(good, `${SECRET}x`)).toBeNull();
  });
});

describe('pseudonyms', () => {
  it('are stable per secret, differ across secrets, and do not contain the openid', () => {
    const openid = 'oAbCdEfGhIjKlMnOpQrStUvWxYz0';
    expect(userKeyFor(openid, SECRET)).toBe(userKeyFor(openid, SECRET));
    expect(userKeyFor(openid, SECRET)).not.toBe(userKeyFor(openid, `${SECRET}x`));
    expect(userKeyFor(openid, SECRET)).not.toContain(openid);
    expect(inviteIdFor('ABCDE23456', SECRET)).not.toBe(userKeyFor('ABCDE23456', SECRET));
  });
});
