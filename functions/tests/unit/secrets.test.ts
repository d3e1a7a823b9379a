import { resolveSsmSecrets } from '../../src/secrets/ssm-secrets';

/** A stand-in SSM client: answers GetParameters from a map and records the names asked. */
function fakeSsm(values: Record<string, string>) {
  const asked: string[][] = [];
  return {
    asked,
    send: async (command: { input: { Names?: string[]; WithDecryption?: boolean } }) => {
      expect(command.input.WithDecryption).toBe(true);
      asked.push(command.input.Names ?? []);
      return { Parameters: (command.input.Names ?? []).filter((n) => n in values).map((Name) => ({ Name, Value: values[Name] })) };
    },
  };
}

describe('resolveSsmSecrets', () => {
  it('turns every *_PARAMETER variable into its decrypted value', async () => {
    const ssm = fakeSsm({ '/jituan/session-secret': 's3cret', '/jituan/pseudonym-secret': 'p3pper' });
    const env = { SESSION_SECRET_PARAMETER: '/jituan/session-secret', PSEUDONYM_SECRET_PARAMETER: '/jituan/pseudonym-secret', OTHER: 'x' };
    expect(await resolveSsmSecrets(env, ssm as never)).toEqual({ SESSION_SECRET: 's3cret', PSEUDONYM_SECRET: 'p3pper' });
    expect(ssm.asked).toHaveLength(1);
  });

  it('asks nothing when no parameter is configured', async () => {
    const ssm = fakeSsm({});
    expect(await resolveSsmSecrets({ TABLE_NAME: 't' }, ssm as never)).toEqual({});
    expect(ssm.asked).toHaveLength(0);
  });

  it('names the missing parameters, never values', async () => {
    const ssm = fakeSsm({ '/a': 'value-a' });
    await expect(resolveSsmSecrets({ A_PARAMETER: '/a', B_PARAMETER: '/b' }, ssm as never)).rejects.toThrow('SSM parameters not found: /b');
  });

  it('asks in batches of ten', async () => {
    const names = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`S${i}_PARAMETER`, `/p${i}`]));
    const ssm = fakeSsm(Object.fromEntries(Object.values(names).map((n) => [n, 'v'])));
    await resolveSsmSecrets(names, ssm as never);
    expect(ssm.asked.map((batch) => batch.length)).toEqual([10, 2]);
  });
});
