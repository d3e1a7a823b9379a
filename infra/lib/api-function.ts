import { type CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LAMBDA_ENTRY, PACKAGE_LOCK, REPO_ROOT } from './paths';

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
  public readonly fn: NodejsFunction;
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

    this.fn = new NodejsFunction(this, 'Function', {
      entry: LAMBDA_ENTRY,
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: PACKAGE_LOCK,
      // Pinned to Node 20 because that is the version the code is tested on (see cdk-nag L1).
      runtime: Runtime.NODEJS_20_X,
      architecture: Architecture.ARM_64,
      memorySize: 512,
      // Just under the HTTP API's 30 s integration limit: a 5,000-row rotation import takes
      // 2–6 s on DynamoDB Local here, and must not be cut off by a slow cold start on top.
      timeout: Duration.seconds(29),
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        target: 'node20',
        minify: true,
        sourceMap: true,
        // Stack traces still map to file:line; leaving the sources out keeps the zip small.
        sourcesContent: false,
        // The AWS SDK is bundled on purpose so the deployed SDK is the one the tests ran
        // against, not whatever version the Lambda runtime ships. wx-server-sdk belongs to
        // the WeChat cloud-function adapter only and must never enter this bundle.
        externalModules: ['wx-server-sdk'],
      },
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
        'Runtime pinned to nodejs20.x: the code and its tests run on Node 20; ' +
        'move to a newer runtime together with the test toolchain, not silently.',
    });
  }
}
