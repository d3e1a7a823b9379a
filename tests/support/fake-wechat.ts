import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/**
 * A small fake of WeChat's server API on 127.0.0.1, so tests run the real HTTP client:
 * one-time login codes, every login error, slow and malformed answers, access tokens and
 * msgSecCheck v2.
 */
export interface FakeWeChat {
  url: string;
  close(): Promise<void>;
  calls: Array<{ path: string; query: Record<string, string>; body?: unknown }>;
  /** A fresh one-time code that logs in as `openid`. */
  issueCode(openid: string, options?: { unionid?: string }): string;
  /** The next msg_sec_check answers 40001 (token expired) `times` times. */
  setTokenExpired(times?: number): void;
  setMsgSecCheckResult(contentMatch: string, suggest: 'pass' | 'review' | 'risky'): void;
  tokenRequests(): number;
}

const MAGIC_ERRORS: Record<string, number> = { 'code-40029': 40029, 'code-45011': 45011, 'code-40226': 40226, 'code-busy': -1 };

export async function startFakeWeChat(options: { appId?: string; appSecret?: string; slowMs?: number } = {}): Promise<FakeWeChat> {
  const appId = options.appId ?? 'wx-test-app';
  const appSecret = options.appSecret ?? 'test-app-secret';
  const codes = new Map<string, { openid: string; unionid?: string }>();
  const used = new Set<string>();
  const tokens = new Set<string>();
  const secResults: Array<[string, 'pass' | 'review' | 'risky']> = [];
  const calls: FakeWeChat['calls'] = [];
  let tokenCount = 0;
  let expireNext = 0;

  const json = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  async function readBody(req: IncomingMessage): Promise<unknown> {
    let text = '';
    for await (const chunk of req) text += chunk;
    try {
      return text ? JSON.parse(text) : undefined;
    } catch {
      return text;
    }
  }

  async function jscode2session(query: Record<string, string>, res: ServerResponse) {
    if (query.appid !== appId || query.secret !== appSecret) return json(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    const code = query.js_code;
    if (code in MAGIC_ERRORS) return json(res, { errcode: MAGIC_ERRORS[code], errmsg: 'fake error' });
    if (code === 'code-slow') {
      await new Promise((r) => setTimeout(r, options.slowMs ?? 3000));
      return json(res, { openid: 'o-slow', session_key: 'SLOW_SESSION_KEY' });
    }
    if (code === 'code-malformed') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('not json{');
    }
    if (code === 'code-html') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<html><body>502 Bad Gateway</body></html>');
    }
    if (code === 'code-no-openid') return json(res, { session_key: 'NO_OPENID_SESSION_KEY' });
    const login = codes.get(code);
    if (!login) return json(res, { errcode: 40029, errmsg: 'invalid code' });
    if (used.has(code)) return json(res, { errcode: 40163, errmsg: 'code been used' });
    used.add(code);
    return json(res, { ...login, session_key: `SESSION_KEY_${randomBytes(6).toString('hex')}` });
  }

  function stableToken(body: { appid?: string; secret?: string } | undefined, res: ServerResponse) {
    if (body?.appid !== appId || body?.secret !== appSecret) return json(res, { errcode: 40125, errmsg: 'invalid appsecret' });
    tokenCount++;
    const token = `ACCESS_TOKEN_${tokenCount}`;
    tokens.add(token);
    return json(res, { access_token: token, expires_in: 7200 });
  }

  function msgSecCheck(query: Record<string, string>, body: { content?: string } | undefined, res: ServerResponse) {
    if (!tokens.has(query.access_token)) return json(res, { errcode: 40001, errmsg: 'invalid credential' });
    if (expireNext > 0) {
      expireNext--;
      tokens.delete(query.access_token);
      return json(res, { errcode: 40001, errmsg: 'access_token expired' });
    }
    const match = secResults.find(([text]) => body?.content?.includes(text));
    const suggest = match?.[1] ?? 'pass';
    return json(res, { errcode: 0, errmsg: 'ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 } });
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams);
    const body = await readBody(req);
    calls.push({ path: url.pathname, query, body });
    if (url.pathname === '/sns/jscode2session') return jscode2session(query, res);
    if (url.pathname === '/cgi-bin/stable_token') return stableToken(body as never, res);
    if (url.pathname === '/wxa/msg_sec_check') return msgSecCheck(query, body as never, res);
    return json(res, { errcode: 404, errmsg: 'unknown api' }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    issueCode(openid, extra = {}) {
      const code = `code-${randomBytes(8).toString('hex')}`;
      codes.set(code, { openid, ...(extra.unionid ? { unionid: extra.unionid } : {}) });
      return code;
    },
    setTokenExpired(times = 1) {
      expireNext = times;
    },
    setMsgSecCheckResult(contentMatch, suggest) {
      secResults.push([contentMatch, suggest]);
    },
    tokenRequests: () => tokenCount,
  };
}
