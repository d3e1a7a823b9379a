import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * The server's secrets live in SSM Parameter Store as SecureString parameters that an operator
 * creates once (CloudFormation cannot create SecureStrings, and values must never sit in a
 * template). The Lambda gets each parameter's NAME as <VAR>_PARAMETER and reads the values at
 * cold start (functions/src/secrets/ssm-secrets.ts); its role may read exactly these names.
 */
export const SERVER_SECRETS = {
  WECHAT_APP_ID: 'wechat/app-id',
  WECHAT_APP_SECRET: 'wechat/app-secret',
  SESSION_SECRET: 'session-secret',
  PSEUDONYM_SECRET: 'pseudonym-secret',
} as const;

export interface ServerSecretsProps {
  readonly fn: LambdaFunction;
  /** @default '/jituan/' */
  readonly prefix?: string;
}

export class ServerSecrets extends Construct {
  public readonly parameterNames: string[];

  constructor(scope: Construct, id: string, props: ServerSecretsProps) {
    super(scope, id);
    const prefix = props.prefix ?? '/jituan/';
    this.parameterNames = Object.entries(SERVER_SECRETS).map(([variable, suffix]) => {
      const name = `${prefix}${suffix}`;
      props.fn.addEnvironment(`${variable}_PARAMETER`, name);
      return name;
    });
    // SecureStrings under the AWS-managed aws/ssm key need no kms:Decrypt grant of their own.
    props.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ssm:GetParameters'],
        resources: this.parameterNames.map((name) =>
          Stack.of(this).formatArn({ service: 'ssm', resource: 'parameter', resourceName: name.replace(/^\//, '') }),
        ),
      }),
    );
  }
}
