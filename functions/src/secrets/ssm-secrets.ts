import { GetParametersCommand, SSMClient, type GetParametersCommandOutput } from '@aws-sdk/client-ssm';

/** FOO_PARAMETER=/name in the environment asks for FOO=<value of /name>. */
const SUFFIX = '_PARAMETER';
/** GetParameters accepts at most ten names per call. */
const NAMES_PER_CALL = 10;

/** The one SSM call used here; SSMClient fits, and tests pass a stub. */
export interface SsmParameterReader {
  send(command: GetParametersCommand): Promise<Pick<GetParametersCommandOutput, 'Parameters'>>;
}

/**
 * Secrets from SSM Parameter Store: every FOO_PARAMETER=/parameter/name in `env` becomes
 * FOO=<decrypted value>. The admin CLI (scripts/admin.ts) calls this from an operator's machine
 * with the operator's credentials. The Lambda does not: it reads the same parameters through the
 * Parameters and Secrets Lambda Extension (extension-secrets.ts), so its bundle has no SSM client.
 * Values are returned, never logged or put in an error; errors name parameters only.
 */
export async function resolveSsmSecrets(env: NodeJS.ProcessEnv, client?: SsmParameterReader): Promise<Record<string, string>> {
  const wanted = Object.entries(env)
    .filter((entry): entry is [string, string] => entry[0].endsWith(SUFFIX) && typeof entry[1] === 'string' && entry[1].length > 0)
    .map(([name, parameter]) => ({ variable: name.slice(0, -SUFFIX.length), parameter }));
  // The local server and tests have no *_PARAMETER variables: no client, so no AWS region or credentials needed.
  if (wanted.length === 0) return {};

  const ssm = client ?? new SSMClient({});
  const names = [...new Set(wanted.map((w) => w.parameter))];
  const values = new Map<string, string>();
  for (let start = 0; start < names.length; start += NAMES_PER_CALL) {
    const answer = await ssm.send(new GetParametersCommand({ Names: names.slice(start, start + NAMES_PER_CALL), WithDecryption: true }));
    for (const { Name, Value } of answer.Parameters ?? []) if (Name !== undefined && Value !== undefined) values.set(Name, Value);
  }

  const missing = names.filter((name) => !values.has(name));
  if (missing.length > 0) throw new Error(`SSM parameters not found: ${missing.join(', ')}`);
  return Object.fromEntries(wanted.map((w) => [w.variable, values.get(w.parameter)!]));
}
