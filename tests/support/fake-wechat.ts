import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

/**
 * A small fake of WeChat's server API on 127.0.0.1, so tests run the real HTTP client:
 * one-time login codes, every login error, slow and malformed answers, access tokens and
 * msgSecCheck v2, subscribe messages and mini-program codes (wxacode.getUnlimited). Successful logins always carry a session_key, so tests can prove it never
 * travels further than the client.
 */
export interface FakeWeChat {
  url: string;
  close(): Promise<void>;
  /** Every request in arrival order (query and body as sent, secrets included: test data only). */
  calls: Array<{ path: string; query: Record<string, string>; body?: unknown }>;
  /** A fresh one-time code that logs in as `openid`. */
  issueCode(openid: string, options?: { unionid?: string }): string;
  /** The next `times` (default 1) msg_sec_check, subscribe-send or getwxacodeunlimit calls answer 40001 and revoke the token they got. */
  setTokenExpired(times?: number): void;
  /** Content containing `contentMatch` gets `suggest`; first match wins, default pass/100. */
  setMsgSecCheckResult(contentMatch: string, suggest: 'pass' | 'review' | 'risky'): void;
  /** subscribeMessage.send to this openid answers 43101 (the user has no consent left). */
  refuseSubscribeMessages(openid: string): void;
  /** Subscribe messages delivered, in order. */
  sentMessages: Array<{ touser: string; template_id: string; page: string; data: Record<string, { value: string }> }>;
  /**
   * The next `times` (default 1) getwxacodeunlimit calls with a valid token answer `code`:
   * 41030 page not published, 45009 daily quota reached, -1 busy…
   */
  failQrCodes(code: number, times?: number): void;
  /** How many tokens stable_token has handed out. */
  tokenRequests(): number;
}

export interface FakeWeChatOptions {
  appId?: string;
  appSecret?: string;
  /** How long 'code-slow' waits before answering. @default 3000 */
  slowMs?: number;
}

/** Codes that always fail the same way, whatever was issued. */
const MAGIC_ERRCODES: Record<string, number> = { 'code-40029': 40029, 'code-45011': 45011, 'code-40226': 40226, 'code-busy': -1 };

/** Labels WeChat uses in msgSecCheck v2 results (100 normal, 20001 politics, 20006 illegal ...). */
const LABEL: Record<'pass' | 'review' | 'risky', number> = { pass: 100, review: 20001, risky: 20006 };

export async function startFakeWeChat(options: FakeWeChatOptions = {}): Promise<FakeWeChat> {
  const appId = options.appId ?? 'wx-test-app';
  const appSecret = options.appSecret ?? 'test-app-secret';
  const issued = new Map<string, { openid: string; unionid?: string }>();
  const used = new Set<string>();
  const validTokens = new Set<string>();
  const secResults: Array<[string, 'pass' | 'review' | 'risky']> = [];
  const slowTimers = new Set<NodeJS.Timeout>();
  const calls: FakeWeChat['calls'] = [];
  let tokensIssued = 0;
  let expireNext = 0;
  const refusing = new Set<string>();
  const sentMessages: FakeWeChat['sentMessages'] = [];
  const qrFailures: number[] = [];

  /** 40001 for an unknown token, or for one revoked on purpose by setTokenExpired; false when usable. */
  function tokenRejected(query: Record<string, string>, res: ServerResponse): boolean {
    const reject = !validTokens.has(query.access_token) || expireNext > 0;
    if (validTokens.has(query.access_token) && expireNext > 0) {
      expireNext--;
      validTokens.delete(query.access_token);
    }
    if (reject) errcode(res, 40001, 'invalid credential, access_token is invalid or not latest');
    return reject;
  }

  function subscribeSend(
    query: Record<string, string>,
    body: { touser?: unknown; template_id?: unknown; page?: unknown; data?: unknown } | undefined,
    res: ServerResponse,
  ) {
    if (tokenRejected(query, res)) return;
    if (typeof body?.touser !== 'string' || typeof body.template_id !== 'string' || typeof body.data !== 'object')
      return errcode(res, 47003, 'argument invalid');
    if (refusing.has(body.touser)) return errcode(res, 43101, 'user refuse to accept the msg');
    sentMessages.push(body as FakeWeChat['sentMessages'][number]);
    return json(res, { errcode: 0, errmsg: 'ok' });
  }

  /**
   * wxacode.getUnlimited: a real PNG QR code of `<page>?scene=<scene>` (WeChat draws its round
   * 小程序码, which only WeChat decodes; a plain QR code lets tests read back what was asked).
   */
  async function getUnlimitedQrCode(
    query: Record<string, string>,
    body: { scene?: unknown; page?: unknown; check_path?: unknown; env_version?: unknown } | undefined,
    res: ServerResponse,
  ) {
    if (tokenRejected(query, res)) return;
    const failure = qrFailures.shift();
    if (failure !== undefined) return errcode(res, failure, 'fake wxacode error');
    if (typeof body?.scene !== 'string' || body.scene.length === 0 || body.scene.length > 32)
      return errcode(res, 40169, 'invalid length for scene');
    if (typeof body.page !== 'string' || body.page.startsWith('/')) return errcode(res, 41030, 'invalid page');
    const png = await QRCode.toBuffer(`${body.page}?scene=${body.scene}`, { type: 'png', margin: 2, width: 280 });
    if (res.destroyed) return;
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end(png);
  }

  const json = (res: ServerResponse, body: unknown, status = 200) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const errcode = (res: ServerResponse, code: number, errmsg: string) => json(res, { errcode: code, errmsg });
  /** WeChat checks the appid first (40013 invalid appid), then the secret (40125 invalid appsecret). */
  const credentialsErrcode = (id: unknown, secret: unknown): number | null => (id !== appId ? 40013 : secret !== appSecret ? 40125 : null);

  function jscode2session(query: Record<string, string>, res: ServerResponse) {
    const bad = credentialsErrcode(query.appid, query.secret);
    if (bad) return errcode(res, bad, 'invalid credential');
    if (query.grant_type !== 'authorization_code') return errcode(res, 40002, 'invalid grant_type');
    const code = query.js_code;
    if (code in MAGIC_ERRCODES) return errcode(res, MAGIC_ERRCODES[code], 'fake error');
    if (code === 'code-slow') {
      const timer = setTimeout(() => {
        slowTimers.delete(timer);
        json(res, { openid: 'oSlowOpenId', session_key: 'SLOW_SESSION_KEY' });
      }, options.slowMs ?? 3000);
      slowTimers.add(timer);
      return;
    }
    if (code === 'code-malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('not json{');
    }
    if (code === 'code-html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><head><title>502 Bad Gateway</title></head><body><center>502 Bad Gateway</center></body></html>');
    }
    if (code === 'code-no-openid') return json(res, { session_key: 'NO_OPENID_SESSION_KEY' });
    const login = issued.get(code);
    if (!login) return errcode(res, 40029, 'invalid code');
    if (used.has(code)) return errcode(res, 40163, 'code been used');
    used.add(code);
    return json(res, { ...login, session_key: `SESSION_KEY_${randomBytes(6).toString('hex')}` });
  }

  function stableToken(body: { grant_type?: string; appid?: string; secret?: string } | undefined, res: ServerResponse) {
    const bad = credentialsErrcode(body?.appid, body?.secret);
    if (bad) return errcode(res, bad, 'invalid credential');
    if (body?.grant_type !== 'client_credential') return errcode(res, 40002, 'invalid grant_type');
    tokensIssued++;
    const token = `ACCESS_TOKEN_${tokensIssued}`;
    validTokens.add(token);
    return json(res, { access_token: token, expires_in: 7200 });
  }

  function msgSecCheck(
    query: Record<string, string>,
    body: { version?: unknown; openid?: unknown; scene?: unknown; content?: unknown } | undefined,
    res: ServerResponse,
  ) {
    if (tokenRejected(query, res)) return;
    const wellFormed =
      body?.version === 2 &&
      typeof body.openid === 'string' &&
      [1, 2, 3, 4].includes(body.scene as number) &&
      typeof body.content === 'string';
    if (!wellFormed) return errcode(res, 47001, 'data format error');
    const match = secResults.find(([text]) => (body.content as string).includes(text));
    const suggest = match?.[1] ?? 'pass';
    return json(res, {
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label: LABEL[suggest] },
      detail: [],
      trace_id: randomBytes(8).toString('hex'),
    });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const body = await readJsonBody(req);
    calls.push({ path: url.pathname, query, ...(body === undefined ? {} : { body }) });
    if (url.pathname === '/sns/jscode2session' && req.method === 'GET') return jscode2session(query, res);
    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') return stableToken(body as never, res);
    if (url.pathname === '/wxa/msg_sec_check' && req.method === 'POST') return msgSecCheck(query, body as never, res);
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') return subscribeSend(query, body as never, res);
    if (url.pathname === '/wxa/getwxacodeunlimit' && req.method === 'POST') return getUnlimitedQrCode(query, body as never, res);
    return json(res, { errcode: 404, errmsg: 'unknown api' }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of slowTimers) clearTimeout(timer);
        slowTimers.clear();
        server.close(() => resolve());
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
      }),
    issueCode(openid, extra = {}) {
      const code = `code-${randomBytes(8).toString('hex')}`;
      issued.set(code, { openid, ...(extra.unionid ? { unionid: extra.unionid } : {}) });
      return code;
    },
    setTokenExpired(times = 1) {
      expireNext = times;
    },
    setMsgSecCheckResult(contentMatch, suggest) {
      secResults.push([contentMatch, suggest]);
    },
    refuseSubscribeMessages(openid) {
      refusing.add(openid);
    },
    sentMessages,
    failQrCodes(code, times = 1) {
      for (let i = 0; i < times; i++) qrFailures.push(code);
    },
    tokenRequests: () => tokensIssued,
  };
}

/** The parsed JSON body; the raw text if it is not JSON; undefined if empty. */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
