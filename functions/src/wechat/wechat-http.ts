import { errorForErrcode, WeChatUnavailableError } from './wechat-errors';

/** WeChat's JSON answer: errcode/errmsg on failure (usually with HTTP 200), data fields on success. */
export type WeChatAnswer = Record<string, unknown> & { errcode?: number; errmsg?: string };

export interface WeChatLogger {
  warn(obj: object, msg: string): void;
}

export interface WeChatHttpOptions {
  apiBase: string;
  timeoutMs: number;
  fetch: typeof fetch;
  logger?: WeChatLogger;
}

/**
 * The transport under WeChatClient: one HTTPS call with a deadline, parsed as a JSON object.
 * Query strings carry the secret, the login code or the access token, so URLs, bodies and
 * thrown causes never reach a log or an error: the log gets the endpoint and errcode only.
 */
export class WeChatHttp {
  constructor(private readonly options: WeChatHttpOptions) {}

  /** GET without a body, POST JSON with one. Anything but a JSON object in time → 503. */
  async request(endpoint: string, options: { query?: URLSearchParams; body?: unknown } = {}): Promise<WeChatAnswer> {
    const { text } = await this.fetchRaw(endpoint, options);
    return this.parseAnswer(endpoint, text.toString('utf8'));
  }

  /**
   * For APIs that answer a file on success and a JSON errcode on failure (wxacode): the image's
   * bytes, or the parsed JSON answer when WeChat sent JSON instead.
   */
  async requestFile(
    endpoint: string,
    options: { query?: URLSearchParams; body?: unknown },
  ): Promise<{ file: Buffer; contentType: string } | { answer: WeChatAnswer }> {
    const { text, contentType } = await this.fetchRaw(endpoint, options);
    const looksJson = contentType.includes('json') || text.subarray(0, 1).toString() === '{';
    if (looksJson) return { answer: this.parseAnswer(endpoint, text.toString('utf8')) };
    if (text.length === 0) throw this.unavailable(endpoint, 'empty file');
    return { file: text, contentType };
  }

  private async fetchRaw(
    endpoint: string,
    { query, body }: { query?: URLSearchParams; body?: unknown },
  ): Promise<{ text: Buffer; contentType: string }> {
    const url = `${this.options.apiBase.replace(/\/+$/, '')}${endpoint}${query ? `?${query}` : ''}`;
    const deadline = new AbortController();
    // One deadline for headers AND body: a server that stalls mid-body must not hold the request.
    const timer = setTimeout(() => deadline.abort(), this.options.timeoutMs);
    let status: number;
    let text: Buffer;
    let contentType: string;
    try {
      const response = await this.options.fetch(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: deadline.signal,
      });
      status = response.status;
      contentType = response.headers.get('content-type') ?? '';
      text = Buffer.from(await response.arrayBuffer());
    } catch {
      // The caught error may quote the URL (and with it the secret or code): drop it.
      throw this.unavailable(endpoint, deadline.signal.aborted ? 'timed out' : 'network error');
    } finally {
      clearTimeout(timer);
    }
    // WeChat reports its own errors with HTTP 200; anything else comes from the way there.
    if (status < 200 || status > 299) throw this.unavailable(endpoint, `HTTP ${status}`);
    return { text, contentType };
  }

  private parseAnswer(endpoint: string, text: string): WeChatAnswer {
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw this.unavailable(endpoint, 'answer is not JSON');
    }
    if (answer === null || typeof answer !== 'object' || Array.isArray(answer))
      throw this.unavailable(endpoint, 'answer is not a JSON object');
    const { errcode } = answer as { errcode?: unknown };
    if (errcode !== undefined && typeof errcode !== 'number') throw this.unavailable(endpoint, 'errcode is not a number');
    return answer as WeChatAnswer;
  }

  /** Throws the ApiError for a non-zero errcode (and logs it); returns the answer otherwise. */
  failOnErrcode(endpoint: string, answer: WeChatAnswer): WeChatAnswer {
    const error = errorForErrcode(answer.errcode);
    if (error) {
      this.warn(endpoint, answer.errcode, 'wechat answered with an error');
      throw error;
    }
    return answer;
  }

  /** For answers that parse but lack what the endpoint promises (no openid, no token, no result). */
  unavailable(endpoint: string, reason: string): WeChatUnavailableError {
    this.options.logger?.warn({ endpoint }, `wechat unavailable: ${reason}`);
    return new WeChatUnavailableError();
  }

  warn(endpoint: string, errcode: number | undefined, msg: string): void {
    this.options.logger?.warn({ errcode, endpoint }, msg);
  }
}
