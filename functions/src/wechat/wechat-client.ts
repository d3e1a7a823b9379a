import { errorForErrcode, TOKEN_EXPIRED_CODES, WeChatUnavailableError } from './wechat-errors';

export interface WeChatConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com in production; tests point it at a fake server. */
  apiBase: string;
  timeoutMs: number;
}

interface Deps {
  fetch?: typeof fetch;
  now?: () => number;
  logger?: { warn(obj: object, msg: string): void };
}

type WeChatAnswer = { errcode?: number; errmsg?: string } & Record<string, unknown>;

/** Refresh this long before WeChat says the token expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * The server side of WeChat's API: login (jscode2session), the access token (cached, shared
 * by concurrent callers), content security (msgSecCheck v2). Failures become ApiErrors; logs
 * get the errcode and endpoint only.
 */
export class WeChatClient {
  private token: { value: string; expiresAt: number } | null = null;
  private tokenRequest: Promise<string> | null = null;
  private readonly fetch: typeof fetch;
  private readonly now: () => number;

  constructor(
    private readonly config: WeChatConfig,
    private readonly deps: Deps = {},
  ) {
    this.fetch = deps.fetch ?? fetch;
    this.now = deps.now ?? Date.now;
  }

  /** The openid (and unionid, if any). session_key is dropped here: nothing needs it. */
  async code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
    const query = new URLSearchParams({ appid: this.config.appId, secret: this.config.appSecret, js_code: code, grant_type: 'authorization_code' });
    const answer = await this.call('/sns/jscode2session', { query });
    if (typeof answer.openid !== 'string' || answer.openid.length === 0) throw this.unavailable('/sns/jscode2session', 'no openid');
    return { openid: answer.openid, ...(typeof answer.unionid === 'string' ? { unionid: answer.unionid } : {}) };
  }

  async getAccessToken(): Promise<string> {
    if (this.token && this.now() < this.token.expiresAt) return this.token.value;
    this.tokenRequest ??= this.fetchToken().finally(() => {
      this.tokenRequest = null;
    });
    return this.tokenRequest;
  }

  invalidateAccessToken(): void {
    this.token = null;
  }

  /** Content security v2. `suggest`: pass, review (hold for a person) or risky (refuse). */
  async msgSecCheck(input: { openid: string; content: string; scene: 1 | 2 | 3 | 4 }): Promise<{ suggest: 'pass' | 'review' | 'risky'; label: number }> {
    const answer = await this.withToken('/wxa/msg_sec_check', { version: 2, openid: input.openid, scene: input.scene, content: input.content });
    const result = answer.result as { suggest?: string; label?: number } | undefined;
    if (!result || !['pass', 'review', 'risky'].includes(String(result.suggest))) throw this.unavailable('/wxa/msg_sec_check', 'no result');
    return { suggest: result.suggest as 'pass' | 'review' | 'risky', label: Number(result.label ?? 0) };
  }

  private async fetchToken(): Promise<string> {
    const answer = await this.call('/cgi-bin/stable_token', {
      body: { grant_type: 'client_credential', appid: this.config.appId, secret: this.config.appSecret, force_refresh: false },
    });
    if (typeof answer.access_token !== 'string') throw this.unavailable('/cgi-bin/stable_token', 'no token');
    const lifetimeMs = Number(answer.expires_in ?? 7200) * 1000;
    this.token = { value: answer.access_token, expiresAt: this.now() + lifetimeMs - TOKEN_MARGIN_MS };
    return answer.access_token;
  }

  /** Calls an endpoint that takes ?access_token=; on an expired token, refreshes and retries once. */
  private async withToken(path: string, body: unknown, retried = false): Promise<WeChatAnswer> {
    const query = new URLSearchParams({ access_token: await this.getAccessToken() });
    try {
      return await this.call(path, { query, body, raw: true });
    } catch (error) {
      if (!retried && error instanceof TokenExpired) {
        this.invalidateAccessToken();
        return this.withToken(path, body, true);
      }
      if (error instanceof TokenExpired) throw errorForErrcode(error.errcode)!;
      throw error;
    }
  }

  private async call(path: string, { query, body, raw = false }: { query?: URLSearchParams; body?: unknown; raw?: boolean }): Promise<WeChatAnswer> {
    const url = `${this.config.apiBase.replace(/\/+$/, '')}${path}${query ? `?${query}` : ''}`;
    let text: string;
    try {
      const response = await this.fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      text = await response.text();
    } catch {
      throw this.unavailable(path, 'network or timeout');
    }
    let answer: WeChatAnswer;
    try {
      answer = JSON.parse(text);
    } catch {
      throw this.unavailable(path, 'not JSON');
    }
    if (answer === null || typeof answer !== 'object') throw this.unavailable(path, 'not an object');
    if (raw && answer.errcode !== undefined && TOKEN_EXPIRED_CODES.has(answer.errcode)) throw new TokenExpired(answer.errcode);
    const error = errorForErrcode(answer.errcode);
    if (error) {
      this.deps.logger?.warn({ endpoint: path, errcode: answer.errcode }, 'wechat error');
      throw error;
    }
    return answer;
  }

  private unavailable(endpoint: string, reason: string): WeChatUnavailableError {
    this.deps.logger?.warn({ endpoint, reason }, 'wechat unavailable');
    return new WeChatUnavailableError();
  }
}

class TokenExpired extends Error {
  constructor(readonly errcode: number) {
    super('access token expired');
  }
}
