import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * The server's secrets live in SSM Parameter Store as SecureString parameters that an operator
 * creates once (CloudFormation cannot create SecureStrings, and values must never sit in a
 * template). The Lambda gets each parameter's NAME as <VAR>_PARAMETER and reads the values at
 * cold start through the Parameters and Secrets Lambda Extension (functions/src/secrets/
 * extension-secrets.ts, which calls GetParameter once per name); its role may read exactly these names.
 */
export const SERVER_SECRETS = {
  WECHAT_APP_ID: 'wechat/app-id',
  WECHAT_APP_SECRET: 'wechat/app-secret',
  SESSION_SECRET: 'session-secret',
  PSEUDONYM_SECRET: 'pseudonym-secret',
} as const;

export const DEFAULT_SECRETS_PREFIX = '/jituan/';

export interface ServerSecretsProps {
  readonly fn: LambdaFunction;
  /** Path the four parameter names sit under; starts and ends with '/'. @default '/jituan/' */
  readonly prefix?: string;
}

export class ServerSecrets extends Construct {
  /** Full parameter names, in SERVER_SECRETS order. */
  public readonly parameterNames: string[];

  constructor(scope: Construct, id: string, props: ServerSecretsProps) {
    super(scope, id);
    const prefix = props.prefix ?? DEFAULT_SECRETS_PREFIX;
    // A hierarchical parameter name must start with '/'; the ARN is built from the name, so a
    // malformed prefix would grant access to a parameter the code never asks for.
    if (!/^\/([A-Za-z0-9_.-]+\/)*$/.test(prefix)) {
      throw new Error(`secrets prefix must look like /path/ (letters, digits, _ . -), got ${JSON.stringify(prefix)}`);
    }
    this.parameterNames = Object.entries(SERVER_SECRETS).map(([variable, path]) => {
      const name = `${prefix}${path}`;
      props.fn.addEnvironment(`${variable}_PARAMETER`, name);
      return name;
    });
    // No kms:Decrypt: SecureStrings under the AWS-managed aws/ssm key are decrypted through SSM,
    // which that key's own policy allows for the account. A customer-managed key would need it.
    props.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameter'],
        resources: this.parameterNames.map((name) =>
          // The ARN's resource part is "parameter" + the name, whose leading '/' is the separator.
          Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.slice(1) }),
        ),
      }),
    );
  }
}
