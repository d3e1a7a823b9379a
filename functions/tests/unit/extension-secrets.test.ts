import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveParameterSecrets } from '../../src/secrets/extension-secrets';

/**
 * A stand-in for the Parameters and Secrets Lambda Extension on a real local port: it answers
 * GetParameter's JSON for known names, SSM's ParameterNotFound as a 400, and, for its first
 * `notReadyFor` requests, the 400 the extension gives before its own init has finished.
 */
async function fakeExtension(values: Record<string, string>, notReadyFor = 0) {
  const requests: Array<{ name: string | null; decrypt: string | null; token: string | undefined }> = [];
  let seen = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push({
      name: url.searchParams.get('name'),
      decrypt: url.searchParams.get('withDecryption'),
      token: req.headers['x-aws-parameters-secrets-token'] as string | undefined,
    });
    if (seen++ < notReadyFor) return res.writeHead(400).end('not ready to serve traffic, please wait');
    const name = url.searchParams.get('name') ?? '';
    if (url.pathname !== '/systemsmanager/parameters/get') return res.writeHead(404).end();
    if (!(name in values)) return res.writeHead(400).end(`ParameterNotFound: ${name}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Parameter: { Name: name, Value: values[name] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = String((server.address() as AddressInfo).port);
  return { port, requests, close: () => new Promise((resolve) => server.close(resolve)) };
}

const noWait = async () => undefined;

describe('resolveParameterSecrets (through the Lambda extension)', () => {
  it('turns every *_PARAMETER variable into its decrypted value, asking with the session token', async () => {
    // Prepare
    const extension = await fakeExtension({ '/jituan/session-secret': 's3cret-value', '/jituan/pseudonym-secret': 'p3pper-value' });
    const env = {
      SESSION_SECRET_PARAMETER: '/jituan/session-secret',
      PSEUDONYM_SECRET_PARAMETER: '/jituan/pseudonym-secret',
      TABLE_NAME: 't',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: extension.port,
      AWS_SESSION_TOKEN: 'session-token',
    };

    // Act
    const secrets = await resolveParameterSecrets(env).finally(extension.close);

    // Assess
    expect(secrets).toEqual({ SESSION_SECRET: 's3cret-value', PSEUDONYM_SECRET: 'p3pper-value' });
    expect(extension.requests.sort((a, b) => String(a.name).localeCompare(String(b.name)))).toEqual([
      { name: '/jituan/pseudonym-secret', decrypt: 'true', token: 'session-token' },
      { name: '/jituan/session-secret', decrypt: 'true', token: 'session-token' },
    ]);
  });

  it('asks nothing, and needs no extension, when no *_PARAMETER variable is set', async () => {
    // Prepare
    const fetch = jest.fn();

    // Act
    const secrets = await resolveParameterSecrets(
      { TABLE_NAME: 't', SESSION_SECRET: 'plain-local-secret', EMPTY_PARAMETER: '' },
      { fetch },
    );

    // Assess
    expect(secrets).toEqual({});
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says the extension is not configured rather than guessing a port', async () => {
    // Act
    const failure = resolveParameterSecrets({ A_PARAMETER: '/a', AWS_SESSION_TOKEN: 't' });

    // Assess
    await expect(failure).rejects.toThrow(/Parameters and Secrets Lambda Extension is not configured/);
  });

  it('waits for an extension that is not ready yet in a cold start', async () => {
    // Prepare
    const extension = await fakeExtension({ '/a': 'value-a' }, 3);
    const env = { A_PARAMETER: '/a', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: extension.port, AWS_SESSION_TOKEN: 't' };

    // Act
    const secrets = await resolveParameterSecrets(env, { sleep: noWait }).finally(extension.close);

    // Assess
    expect(secrets).toEqual({ A: 'value-a' });
    expect(extension.requests).toHaveLength(4);
  });

  it('names every missing parameter and no value', async () => {
    // Prepare
    const extension = await fakeExtension({ '/a': 'value-a' });
    const env = {
      A_PARAMETER: '/a',
      B_PARAMETER: '/b',
      C_PARAMETER: '/c',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: extension.port,
      AWS_SESSION_TOKEN: 't',
    };

    // Act
    const failure = resolveParameterSecrets(env, { sleep: noWait });

    // Assess
    await expect(failure).rejects.toThrow(new Error('SSM parameters not found: /b, /c'));
    await extension.close();
  });

  it('gives up on an extension that never answers, naming the parameter only', async () => {
    // Prepare: a closed port
    const extension = await fakeExtension({});
    await extension.close();
    const env = { A_PARAMETER: '/a', PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: extension.port, AWS_SESSION_TOKEN: 't' };
    const sleep = jest.fn(noWait);

    // Act
    const failure = resolveParameterSecrets(env, { sleep });

    // Assess
    await expect(failure).rejects.toThrow(new Error('SSM parameter /a could not be read (status 0)'));
    expect(sleep).toHaveBeenCalledTimes(7);
  });

  it('asks once for a parameter that two variables share', async () => {
    // Prepare
    const extension = await fakeExtension({ '/shared': 'same-value' });
    const env = {
      A_PARAMETER: '/shared',
      B_PARAMETER: '/shared',
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: extension.port,
      AWS_SESSION_TOKEN: 't',
    };

    // Act
    const secrets = await resolveParameterSecrets(env).finally(extension.close);

    // Assess
    expect(secrets).toEqual({ A: 'same-value', B: 'same-value' });
    expect(extension.requests.map((r) => r.name)).toEqual(['/shared']);
  });
});
