/**
 * Who is calling the WeChat cloud function. WeChat sets the caller's identity as environment
 * variables of each invocation: WX_CONTEXT_KEYS lists the variables (WX_OPENID, WX_APPID, …) and
 * each holds its value. This reads them exactly as wx-server-sdk 4.0.2's `cloud.getWXContext()`
 * does (src/api/utils/api/getWXContext.ts: only listed keys, none from its blacklist, values of
 * digits as numbers, the WX_ prefix dropped), so the function need not load that SDK: it took
 * 179 ms of a 273 ms cold start (docs/performance.md) to read one variable, and nothing else of
 * it is used. tests/unit/wechat/wx-context.test.ts checks both give the same answer.
 */
const PREFIX = 'WX_';
const BLACKLIST = ['API_TOKEN', 'TRIGGER_API_TOKEN_V0'];

type Env = Record<string, string | undefined>;

/** The context as getWXContext() returns it, without its ENV / SOURCE additions (not identity). */
export function wxContext(env: Env = process.env): Record<string, string | number> {
  const context: Record<string, string | number> = {};
  for (const key of (env.WX_CONTEXT_KEYS ?? '').split(',')) {
    if (!key || BLACKLIST.some((b) => b === key || PREFIX + b === key)) continue;
    const value = env[key];
    if (value === undefined) continue;
    const name = key.startsWith(PREFIX) && key.length > PREFIX.length ? key.slice(PREFIX.length) : key;
    context[name] = /^[-]?\d+$/.test(value) ? parseInt(value, 10) : value;
  }
  return context;
}

/** The caller's openid, or undefined when WeChat named none (a call from outside a mini-program). */
export function callerOpenId(env: Env = process.env): string | undefined {
  const openid = wxContext(env).OPENID;
  return typeof openid === 'string' && openid !== '' ? openid : undefined;
}
