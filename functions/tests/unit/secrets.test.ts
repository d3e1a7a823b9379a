import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { resolveSsmSecrets, type SsmParameterReader } from '../../src/secrets/ssm-secrets';

// Counts SSMClient constructions; the commands stay real so the stub sees the true request shape.
jest.mock('@aws-sdk/client-ssm', () => {
  const actual = jest.requireActual('@aws-sdk/client-ssm');
  return { ...actual, SSMClient: jest.fn(() => ({ send: jest.fn() })) };
});

/** A stand-in SSM client: answers GetParameters from a map and records every request. */
function stubSsm(values: Record<string, string>) {
  const requests: Array<{ Names?: string[]; WithDecryption?: boolean }> = [];
  const client: SsmParameterReader = {
    send: async (command) => {
      expect(command).toBeInstanceOf(GetParametersCommand);
      requests.push(command.input);
      const names = command.input.Names ?? [];
      return { Parameters: names.filter((name) => name in values).map((Name) => ({ Name, Value: values[Name] })) };
    },
  };
  return { client, requests };
}

describe('resolveSsmSecrets', () => {
  beforeEach(() => jest.mocked(SSMClient).mockClear());

  it('turns every *_PARAMETER variable into its decrypted value, named without the suffix', async () => {
    // Prepare
    const ssm = stubSsm({ '/jituan/session-secret': 's3cret-value', '/jituan/pseudonym-secret': 'p3pper-value' });
    const env = {
      SESSION_SECRET_PARAMETER: '/jituan/session-secret',
      PSEUDONYM_SECRET_PARAMETER: '/jituan/pseudonym-secret',
      TABLE_NAME: 't',
    };

    // Act
    const secrets = await resolveSsmSecrets(env, ssm.client);

    // Assess
    expect(secrets).toEqual({ SESSION_SECRET: 's3cret-value', PSEUDONYM_SECRET: 'p3pper-value' });
    expect(ssm.requests).toEqual([{ Names: ['/jituan/session-secret', '/jituan/pseudonym-secret'], WithDecryption: true }]);
  });

  it('returns nothing and creates no SSM client when no *_PARAMETER variable is set', async () => {
    // Prepare
    const env = { TABLE_NAME: 't', SESSION_SECRET: 'plain-local-secret', EMPTY_PARAMETER: '' };

    // Act
    const secrets = await resolveSsmSecrets(env);

    // Assess
    expect(secrets).toEqual({});
    expect(SSMClient).not.toHaveBeenCalled();
  });

  it('creates its own SSM client when none is given', async () => {
    // Prepare
    jest.mocked(SSMClient).mockImplementationOnce(() => stubSsm({ '/a': 'value-a' }).client as never);

    // Act
    const secrets = await resolveSsmSecrets({ A_PARAMETER: '/a' });

    // Assess
    expect(secrets).toEqual({ A: 'value-a' });
    expect(SSMClient).toHaveBeenCalledTimes(1);
  });

  it('names every missing parameter and no value', async () => {
    // Prepare
    const ssm = stubSsm({ '/a': 'value-a' });

    // Act
    const failure = resolveSsmSecrets({ A_PARAMETER: '/a', B_PARAMETER: '/b', C_PARAMETER: '/c' }, ssm.client);

    // Assess
    await expect(failure).rejects.toThrow(new Error('SSM parameters not found: /b, /c'));
  });

  it('asks in batches of at most ten names', async () => {
    // Prepare
    const env = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`S${i}_PARAMETER`, `/p${i}`]));
    const ssm = stubSsm(Object.fromEntries(Object.values(env).map((name) => [name, `v-${name}`])));

    // Act
    const secrets = await resolveSsmSecrets(env, ssm.client);

    // Assess
    expect(ssm.requests.map((r) => r.Names!.length)).toEqual([10, 10, 3]);
    expect(Object.keys(secrets)).toHaveLength(23);
    expect(secrets.S22).toBe('v-/p22');
  });

  it('asks once for a parameter that two variables share', async () => {
    // Prepare
    const ssm = stubSsm({ '/shared': 'same-value' });

    // Act
    const secrets = await resolveSsmSecrets({ A_PARAMETER: '/shared', B_PARAMETER: '/shared' }, ssm.client);

    // Assess
    expect(secrets).toEqual({ A: 'same-value', B: 'same-value' });
    expect(ssm.requests).toEqual([{ Names: ['/shared'], WithDecryption: true }]);
  });
});
