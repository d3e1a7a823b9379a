import http from 'node:http';

interface WxRequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (res: { statusCode: number; data: unknown; header: Record<string, unknown>; errMsg: string }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: unknown) => void;
}

/**
 * Replaces wx.request (miniprogram-simulate's stub answers {} to everything) with one that
 * sends the request to a real server: the URL's origin is swapped for `origin`, path and
 * query are kept, so the build's own API base and query encoding are what gets tested; the
 * app's headers (Authorization) go along.
 */
export function forwardWxRequest(wx: Record<string, unknown>, origin: string): { urls: string[] } {
  const seen: string[] = [];
  wx.request = (options: WxRequestOptions) => {
    seen.push(options.url);
    const original = new URL(options.url);
    const target = new URL(original.pathname + original.search, origin);
    const body = options.method && options.method !== 'GET' && options.data !== undefined ? JSON.stringify(options.data) : undefined;
    const req = http.request(
      target,
      { method: options.method ?? 'GET', headers: { ...options.header, ...(body ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let data: unknown = text;
          try {
            data = JSON.parse(text);
          } catch {
            // Not JSON: hand over the text, as wx.request does.
          }
          const answer = { statusCode: res.statusCode ?? 0, data, header: res.headers, errMsg: 'request:ok' };
          options.success?.(answer);
          options.complete?.(answer);
        });
      },
    );
    req.on('error', (error) => {
      const failure = { errMsg: `request:fail ${error.message}` };
      options.fail?.(failure);
      options.complete?.(failure);
    });
    req.end(body);
    return { abort: () => req.destroy() };
  };
  return { urls: seen };
}
