import cloud from 'wx-server-sdk';
import { callerOpenId, wxContext } from '../../../src/wechat/wx-context';

/** Environments WeChat may set for one invocation, and ones it should never produce. */
const ENVIRONMENTS: Array<[string, Record<string, string>]> = [
  ['a mini-program call', { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID', WX_OPENID: 'o-abc', WX_APPID: 'wx123', WX_UNIONID: 'u-1' }],
  ['no context at all (a call from outside a mini-program)', {}],
  ['an openid WeChat did not list', { WX_CONTEXT_KEYS: 'WX_APPID', WX_APPID: 'wx123', WX_OPENID: 'o-unlisted' }],
  ['a listed key with no value', { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx123' }],
  ['an empty openid', { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: '' }],
  [
    'blacklisted tokens',
    { WX_CONTEXT_KEYS: 'WX_API_TOKEN,TRIGGER_API_TOKEN_V0,WX_OPENID', WX_API_TOKEN: 't', TRIGGER_API_TOKEN_V0: 't0', WX_OPENID: 'o-x' },
  ],
  ['values of digits', { WX_CONTEXT_KEYS: 'WX_CLIENTIP,WX_OPENID,WX_', WX_CLIENTIP: '-42', WX_OPENID: 'o-9', WX_: '7' }],
  ['keys without the prefix and empty entries', { WX_CONTEXT_KEYS: ',SOURCE_KEY,,WX_OPENID,', SOURCE_KEY: 'k', WX_OPENID: 'o-y' }],
];

const WX_VARIABLES = /^(WX_|TRIGGER_API_TOKEN_V0$|SOURCE_KEY$|TCB_ENV$|SCF_NAMESPACE$|TCB_SOURCE$)/;

/** wx-server-sdk's own getWXContext() over exactly `env` (it reads process.env). */
function sdkContext(env: Record<string, string>): Record<string, unknown> {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) if (WX_VARIABLES.test(key)) delete process.env[key];
  Object.assign(process.env, env);
  try {
    const { ENV, SOURCE, ...identity } = cloud.getWXContext() as Record<string, unknown>;
    void ENV;
    void SOURCE;
    return identity;
  } finally {
    process.env = saved;
  }
}

describe('the cloud function reads its caller as wx-server-sdk does', () => {
  it.each(ENVIRONMENTS)('gives getWXContext()’s context for %s', (_case, env) => {
    // Prepare
    const expected = sdkContext(env);

    // Act
    const ours = wxContext(env);

    // Assess
    expect(ours).toEqual(expected);
  });

  it.each(ENVIRONMENTS)('gives getWXContext()’s OPENID for %s, or none when it is empty', (_case, env) => {
    // Prepare
    const { OPENID } = sdkContext(env);

    // Act
    const openid = callerOpenId(env);

    // Assess
    expect(openid).toBe(OPENID || undefined);
  });

  it('reads the invocation’s variables when given no environment', () => {
    // Prepare
    const saved = { ...process.env };
    Object.assign(process.env, { WX_CONTEXT_KEYS: 'WX_OPENID', WX_OPENID: 'o-process' });

    // Act
    const openid = callerOpenId();
    process.env = saved;

    // Assess
    expect(openid).toBe('o-process');
  });
});
