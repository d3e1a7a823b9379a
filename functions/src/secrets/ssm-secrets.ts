import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';

const SUFFIX = '_PARAMETER';

/**
 * Secrets from SSM Parameter Store: every FOO_PARAMETER=/name in the environment becomes
 * FOO=<decrypted value>. Lambda calls this once per container; nothing is logged.
 */
export async function resolveSsmSecrets(
  env: NodeJS.ProcessEnv,
  client?: Pick<SSMClient, 'send'>,
): Promise<Record<string, string>> {
  const wanted = Object.entries(env)
    .filter(([name, value]) => name.endsWith(SUFFIX) && value)
    .map(([name, value]) => ({ variable: name.slice(0, -SUFFIX.length), parameter: value as string }));
  if (wanted.length === 0) return {};
  const ssm = client ?? new SSMClient({});
  const values = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += 10) {
    const names = wanted.slice(start, start + 10).map((w) => w.parameter);
    const answer = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }));
    for (const p of answer.Parameters ?? []) if (p.Name && p.Value !== undefined) values.set(p.Name, p.Value);
  }
  const missing = wanted.filter((w) => !values.has(w.parameter)).map((w) => w.parameter);
  if (missing.length > 0) throw new Error(`SSM parameters not found: ${missing.join(', ')}`);
  return Object.fromEntries(wanted.map((w) => [w.variable, values.get(w.parameter)!]));
}
