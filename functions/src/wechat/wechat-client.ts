import { AccessTokenCache } from './access-token-cache';
import { ACCESS_TOKEN_REJECTED_CODES } from './wechat-errors';
import { WeChatHttp, type WeChatAnswer, type WeChatLogger } from './wechat-http';

export interface WeChatConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com in production (the config's default); tests point it at a fake server. */
  apiBase: string;
  /** Per HTTP call (5000 by default in the config); msgSecCheck may make up to four calls. */
  timeoutMs: number;
}

export interface WeChatClientDeps {
  fetch?: typeof fetch;
  now?: () => number;
  logger?: WeChatLogger;
}

export type MsgSecCheckScene = 1 | 2 | 3 | 4;
export type MsgSecCheckSuggest = 'pass' | 'review' | 'risky';

/** A subscribe message (订阅消息): template fields are `{ name: { value } }` as WeChat wants them. */
export interface SubscribeMessage {
  openid: string;
  templateId: string;
  /** The mini-program page the message opens, e.g. packages/news/detail?id=… */
  page: string;
  data: Record<string, { value: string }>;
}

/** `refused`: the user has no consent left for this template (43101); not an error, nothing to retry. */
export type SubscribeMessageResult = 'sent' | 'refused';

/** wxacode.getUnlimited: a code for `page` that hands it `scene` (at most 32 visible characters). */
export interface UnlimitedQrCodeRequest {
  scene: string;
  /** e.g. packages/survey/answer/index, without a leading slash. */
  page: string;
  /** false lets an unpublished page through (only for env versions other than release). */
  checkPath: boolean;
  envVersion: 'release' | 'trial' | 'develop';
}

/** 43101: user refused to accept the message (no one-time consent left). */
const USER_REFUSED = 43101;

const SUGGESTIONS: ReadonlySet<string> = new Set<MsgSecCheckSuggest>(['pass', 'review', 'risky']);

/**
 * WeChat's server API for this mini-program: login (jscode2session), the access token
 * (stable_token, cached and shared by concurrent callers), content security (msgSecCheck v2) and
 * subscribe messages.
 * Every failure is an ApiError from ./wechat-errors.
 */
export class WeChatClient {
  private readonly http: WeChatHttp;
  private readonly tokens: AccessTokenCache;

  constructor(
    private readonly config: WeChatConfig,
    deps: WeChatClientDeps = {},
  ) {
    // Resolved per call, not captured: tests and polyfills may replace globalThis.fetch later.
    const fetchImpl = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.http = new WeChatHttp({ apiBase: config.apiBase, timeoutMs: config.timeoutMs, fetch: fetchImpl, logger: deps.logger });
    this.tokens = new AccessTokenCache(() => this.fetchAccessToken(), deps.now ?? Date.now);
  }

  /**
   * The user's openid (and unionid when the app is bound to an open-platform account).
   * WeChat also sends session_key; nothing here needs it, so it is dropped on the spot and
   * never returned, stored or logged.
   */
  async code2Session(code: string): Promise<{ openid: string; unionid?: string }> {
    const endpoint = '/sns/jscode2session';
    const query = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const { openid, unionid } = this.http.failOnErrcode(endpoint, await this.http.request(endpoint, { query }));
    if (typeof openid !== 'string' || openid.length === 0) throw this.http.unavailable(endpoint, 'no openid in the answer');
    return typeof unionid === 'string' && unionid.length > 0 ? { openid, unionid } : { openid };
  }

  getAccessToken(): Promise<string> {
    return this.tokens.get();
  }

  /** For callers of other token APIs that get 40001/42001; pass the rejected token if known. */
  invalidateAccessToken(rejected?: string): void {
    this.tokens.invalidate(rejected);
  }

  /** Content security v2: pass, review (hold for a person) or risky (refuse). */
  async msgSecCheck(input: {
    openid: string;
    content: string;
    scene: MsgSecCheckScene;
  }): Promise<{ suggest: MsgSecCheckSuggest; label: number }> {
    const endpoint = '/wxa/msg_sec_check';
    const answer = await this.postWithAccessToken(endpoint, {
      version: 2,
      openid: input.openid,
      scene: input.scene,
      content: input.content,
    });
    const result = answer.result as { suggest?: unknown; label?: unknown } | undefined;
    if (typeof result?.suggest !== 'string' || !SUGGESTIONS.has(result.suggest))
      throw this.http.unavailable(endpoint, 'no result in the answer');
    return { suggest: result.suggest as MsgSecCheckSuggest, label: Number(result.label ?? 0) };
  }

  /** subscribeMessage.send: one message per one-time consent the user gave in the mini-program. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<SubscribeMessageResult> {
    const endpoint = '/cgi-bin/message/subscribe/send';
    const answer = await this.postRetryingToken(endpoint, {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    if (answer.errcode === USER_REFUSED) return 'refused';
    this.http.failOnErrcode(endpoint, answer);
    return 'sent';
  }

  /** wxacode.getUnlimited: the PNG of a mini-program code (41030 page not published, 45009 daily quota). */
  async getUnlimitedQrCode(input: UnlimitedQrCodeRequest): Promise<Buffer> {
    const endpoint = '/wxa/getwxacodeunlimit';
    const body = { scene: input.scene, page: input.page, check_path: input.checkPath, env_version: input.envVersion };
    const answer = await this.withAccessToken(
      endpoint,
      (token) => this.http.requestFile(endpoint, { query: new URLSearchParams({ access_token: token }), body }),
      (result) => ('answer' in result ? result.answer.errcode : undefined),
    );
    if ('file' in answer) return answer.file;
    this.http.failOnErrcode(endpoint, answer.answer);
    // JSON without an errcode is not an image either.
    throw this.http.unavailable(endpoint, 'no image in the answer');
  }

  private async postWithAccessToken(endpoint: string, body: unknown): Promise<WeChatAnswer> {
    return this.http.failOnErrcode(endpoint, await this.postRetryingToken(endpoint, body));
  }

  /**
   * POST to an API that takes ?access_token=. A rejected token is refreshed and the call made
   * once more; a second rejection is returned like any other errcode, so a broken token source
   * cannot loop. Other errcodes are the caller's to judge.
   */
  private postRetryingToken(endpoint: string, body: unknown): Promise<WeChatAnswer> {
    const post = (token: string) => this.http.request(endpoint, { query: new URLSearchParams({ access_token: token }), body });
    return this.withAccessToken(endpoint, post, (answer) => answer.errcode);
  }

  /**
   * Calls an API that takes ?access_token=. A rejected token is refreshed and the call made
   * once more; a second rejection is returned like any other errcode, so a broken token source
   * cannot loop. Other errcodes are the caller's to judge.
   */
  private async withAccessToken<T>(
    endpoint: string,
    call: (token: string) => Promise<T>,
    errcodeOf: (result: T) => number | undefined,
  ): Promise<T> {
    const token = await this.tokens.get();
    const result = await call(token);
    const code = errcodeOf(result);
    if (code === undefined || !ACCESS_TOKEN_REJECTED_CODES.has(code)) return result;
    this.http.warn(endpoint, code, 'wechat rejected the access token: refreshing it and retrying once');
    this.tokens.invalidate(token);
    return call(await this.tokens.get());
  }

  /**
   * force_refresh stays false on every path, the retry too: a forced refresh invalidates the
   * token that every other Lambda container and the cloud function are using, so containers
   * would keep knocking each other's tokens out. In normal mode WeChat returns the current one.
   */
  private async fetchAccessToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const endpoint = '/cgi-bin/stable_token';
    const answer = this.http.failOnErrcode(
      endpoint,
      await this.http.request(endpoint, {
        body: { grant_type: 'client_credential', appid: this.config.appId, secret: this.config.appSecret, force_refresh: false },
      }),
    );
    const expiresIn = Number(answer.expires_in);
    if (typeof answer.access_token !== 'string' || answer.access_token.length === 0 || !(expiresIn > 0)) {
      throw this.http.unavailable(endpoint, 'no usable token in the answer');
    }
    return { token: answer.access_token, expiresInSeconds: expiresIn };
  }
}
