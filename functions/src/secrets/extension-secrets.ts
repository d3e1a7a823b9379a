/**
 * Secrets from SSM Parameter Store through the AWS Parameters and Secrets Lambda Extension: a
 * layer that answers on localhost, so the Lambda bundle carries no SSM client (about 205 KB and
 * its start-up, docs/performance.md). Every FOO_PARAMETER=/parameter/name in `env` becomes
 * FOO=<decrypted value>. Values are returned, never logged or put in an error; errors name
 * parameters only.
 *
 * The extension's API (AWS Systems Manager user guide, "Using Parameter Store parameters in
 * Lambda functions"): GET /systemsmanager/parameters/get?name=<name>&withDecryption=true on
 * PARAMETERS_SECRETS_EXTENSION_HTTP_PORT (2773), with the header X-Aws-Parameters-Secrets-Token
 * set to the function's AWS_SESSION_TOKEN; the answer is GetParameter's JSON.
 */

/** FOO_PARAMETER=/name in the environment asks for FOO=<value of /name>. */
const SUFFIX = '_PARAMETER';
/**
 * Lambda starts the runtime's init as soon as an extension has registered, before the extension
 * is ready, so the first calls of a cold start can meet a closed port or a "not ready" 400.
 * Those are asked again, for at most about two seconds in all.
 */
const RETRY_DELAYS_MS = [25, 50, 100, 200, 400, 600, 800];

export type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<Pick<Response, 'status' | 'json' | 'text'>>;

export interface ExtensionOptions {
  fetch?: Fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class SecretsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsUnavailableError';
  }
}

export async function resolveParameterSecrets(env: NodeJS.ProcessEnv, options: ExtensionOptions = {}): Promise<Record<string, string>> {
  const wanted = Object.entries(env)
    .filter((entry): entry is [string, string] => entry[0].endsWith(SUFFIX) && typeof entry[1] === 'string' && entry[1].length > 0)
    .map(([name, parameter]) => ({ variable: name.slice(0, -SUFFIX.length), parameter }));
  // The local server and tests have no *_PARAMETER variables: nothing to ask.
  if (wanted.length === 0) return {};

  const port = env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT;
  const token = env.AWS_SESSION_TOKEN;
  if (!port || !token) {
    throw new SecretsUnavailableError(
      'the Parameters and Secrets Lambda Extension is not configured (PARAMETERS_SECRETS_EXTENSION_HTTP_PORT and AWS_SESSION_TOKEN)',
    );
  }
  const fetchFn = options.fetch ?? (globalThis.fetch as unknown as Fetch);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  const names = [...new Set(wanted.map((w) => w.parameter))];
  const read = async (name: string): Promise<string | undefined> => {
    const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
    for (let attempt = 0; ; attempt++) {
      let status: number;
      try {
        const res = await fetchFn(url, { headers: { 'X-Aws-Parameters-Secrets-Token': token } });
        status = res.status;
        if (status === 200) return ((await res.json()) as { Parameter?: { Value?: string } }).Parameter?.Value;
        // The extension relays SSM's ParameterNotFound as a 400 naming it: that will not change.
        if (status === 404 || (status === 400 && /ParameterNotFound/.test(await res.text()))) return undefined;
      } catch {
        status = 0; // the port is not open yet
      }
      if (attempt >= RETRY_DELAYS_MS.length)
        throw new SecretsUnavailableError(`SSM parameter ${name} could not be read (status ${status})`);
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  };
  const values = await Promise.all(names.map(read));

  const missing = names.filter((_, i) => values[i] === undefined);
  if (missing.length > 0) throw new SecretsUnavailableError(`SSM parameters not found: ${missing.join(', ')}`);
  const byName = new Map(names.map((name, i) => [name, values[i]!]));
  return Object.fromEntries(wanted.map((w) => [w.variable, byName.get(w.parameter)!]));
}
