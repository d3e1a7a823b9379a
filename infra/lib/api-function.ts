import { type CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  ParamsAndSecretsLayerVersion,
  ParamsAndSecretsLogLevel,
  ParamsAndSecretsVersions,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * Bundles functions/src/adapters/lambda.ts with scripts/lib/server-bundle.ts (the same bundler
 * as the cloud function and the bench): index.js holds what a cold start loads, lazy/ the
 * packages only some routes need. NodejsFunction writes a single file, so it cannot do this.
 */
function bundleLambda(): string {
  const outdir = join(REPO_ROOT, '.data', 'lambda-bundle');
  execFileSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'build-server.ts'), 'lambda', outdir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outdir;
}

export interface ApiFunctionProps {
  /** A Table defined in this app (not an imported one): its logical id names a cdk-nag finding. */
  readonly table: Table;
  /** @default one month */
  readonly logRetention?: RetentionDays;
}

/**
 * The Lambda that hosts the whole HTTP core (functions/src/adapters/lambda.ts).
 * It gets an explicit role with exactly the permissions it uses, instead of the
 * AWSLambdaBasicExecutionRole managed policy that cdk-nag (IAM4) rejects.
 */
export class ApiFunction extends Construct {
  public readonly fn: LambdaFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Runs the education-group API Lambda: its own log group, the data table and its SSM secrets only',
    });
    // The log group exists before the function, so logs:CreateLogGroup is not needed.
    this.logGroup.grantWrite(this.role);

    this.fn = new LambdaFunction(this, 'Function', {
      code: Code.fromAsset(bundleLambda()),
      handler: 'index.handler',
      // nodejs20.x is deprecated (no new functions from 2027-02-01); the bundle targets node22 to match.
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      // Just under the HTTP API's 30 s integration limit: a 5,000-row rotation import takes
      // 2–6 s on DynamoDB Local here, and must not be cut off by a slow cold start on top.
      timeout: Duration.seconds(29),
      role: this.role,
      logGroup: this.logGroup,
      // Secrets are read over localhost from this AWS layer (functions/src/secrets/extension-secrets.ts),
      // so the bundle carries no SSM client. Each is read once per container: no cache needed.
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
        httpPort: 2773,
        cacheEnabled: false,
        logLevel: ParamsAndSecretsLogLevel.WARN,
      }),
      environment: {
        TABLE_NAME: props.table.tableName,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      // The AWS SDK is bundled on purpose so the deployed SDK is the one the tests ran against,
      // not whatever version the Lambda runtime ships; wx-server-sdk never enters this bundle.
    });

    props.table.grantReadWriteData(this.fn);
    // cdk-nag names the finding after the table's logical id, so derive it rather than copy it.
    const tableLogicalId = Stack.of(this).resolve((props.table.node.defaultChild as CfnResource).logicalId);
    Validations.of(this.role.node.findChild('DefaultPolicy')).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason:
        'grantReadWriteData scopes the wildcard to index/* of this one table: the Lambda queries ' +
        'every GSI in TABLE_DEFINITION, and the list grows with the code, not with this policy.',
    });

    Validations.of(this.fn).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'Runtime pinned to nodejs22.x, the newest LTS the bundle targets (node22); nodejs24.x waits ' +
        'until the tools and tests run on it too (Node 22+ cannot be installed on the build machine yet, docs/performance.md).',
    });
  }
}
