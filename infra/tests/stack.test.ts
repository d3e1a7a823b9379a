import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import type { PolicyViolation } from 'aws-cdk-lib';
import { TABLE_DEFINITION, type TableDefinition } from '../../functions/src/db/table-definition';
import { ApiStack } from '../lib/api-stack';
import { addAwsSolutionsChecks } from '../lib/compliance';
import { REPO_ROOT } from '../lib/paths';
import { ServerSecrets } from '../lib/server-secrets';
import { DataTable } from '../lib/table';

type Resource = { Type: string; Properties?: Record<string, any>; Metadata?: Record<string, any>; [key: string]: any };

/** Synthesising bundles the Lambda with esbuild, so do it once per file and share the result. */
let outdir: string;
let template: Template;
let nagViolations: PolicyViolation[];

beforeAll(() => {
  // Prepare: the same stack and the same cdk-nag set-up as bin/app.ts. Validation errors must
  // not abort synth here, so the nag test below can list them instead of a bare exception.
  mkdirSync(join(REPO_ROOT, '.data'), { recursive: true });
  outdir = mkdtempSync(join(REPO_ROOT, '.data', 'cdk-test-'));
  const app = new App({ outdir, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  const stack = new ApiStack(app, 'TestApiStack');
  const checks = addAwsSolutionsChecks(app);

  // Act
  template = Template.fromStack(stack);
  nagViolations = checks.validateScope(stack).violations;
}, 120_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

function onlyResource(type: string): { logicalId: string; resource: Resource } {
  const found = template.findResources(type);
  expect(Object.keys(found)).toHaveLength(1);
  const [logicalId, resource] = Object.entries(found)[0];
  return { logicalId, resource: resource as Resource };
}

const keySchema = (partitionKey: string, sortKey: string) => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];

describe('the DynamoDB table', () => {
  it('is keyed exactly as TABLE_DEFINITION says, which is pk / sk', () => {
    // Prepare
    const { resource } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const keys = resource.Properties!.KeySchema;

    // Assess
    expect(keys).toEqual(keySchema(TABLE_DEFINITION.partitionKey, TABLE_DEFINITION.sortKey));
    expect(keys).toEqual(keySchema('pk', 'sk'));
  });

  it('declares every TABLE_DEFINITION attribute as a string, and nothing else', () => {
    // Prepare
    const { resource } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const declared = resource.Properties!.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];

    // Assess
    const expected = TABLE_DEFINITION.attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }));
    expect(declared).toHaveLength(expected.length);
    expect(declared).toEqual(expect.arrayContaining(expected));
    expect(declared.map((a) => a.AttributeName)).toEqual(expect.arrayContaining(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk']));
  });

  it('has the global secondary indexes of TABLE_DEFINITION (gsi1, gsi2), each projecting ALL', () => {
    // Prepare
    const { resource } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const indexes = resource.Properties!.GlobalSecondaryIndexes;

    // Assess
    const expected = TABLE_DEFINITION.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: keySchema(gsi.partitionKey, gsi.sortKey),
      Projection: { ProjectionType: 'ALL' },
    }));
    expect(indexes).toEqual(expected);
    expect(indexes).toEqual([
      { IndexName: 'gsi1', KeySchema: keySchema('gsi1pk', 'gsi1sk'), Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'gsi2', KeySchema: keySchema('gsi2pk', 'gsi2sk'), Projection: { ProjectionType: 'ALL' } },
    ]);
  });

  it('is on-demand, point-in-time recoverable, deletion-protected, encrypted and expires items by TTL', () => {
    // Prepare, Act
    const { resource } = onlyResource('AWS::DynamoDB::Table');

    // Assess
    expect(resource.Properties).toEqual(
      expect.objectContaining({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TABLE_DEFINITION.timeToLiveAttribute, Enabled: true },
      }),
    );
    expect(resource.Properties!.TableName).toBeUndefined();
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    // Prepare, Act
    const { resource } = onlyResource('AWS::DynamoDB::Table');

    // Assess
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
  });

  it('refuses a definition that lists an attribute no key uses, before CloudFormation would', () => {
    // Prepare
    // The cast gets past the KeyAttribute type, which would normally stop this at compile time.
    const broken: TableDefinition = { ...TABLE_DEFINITION, attributes: [...TABLE_DEFINITION.attributes, 'expiresAt' as never] };
    const stack = new Stack(new App({ outdir: join(outdir, 'broken') }), 'Broken');

    // Act
    const build = () => new DataTable(stack, 'Data', { definition: broken });

    // Assess
    expect(build).toThrow(/unused: \[expiresAt\]/);
  });
});

describe('the Lambda function', () => {
  it('runs Node 22 on arm64 with 512 MB and a 29 s timeout (under the HTTP API limit), logging to its own log group', () => {
    // Prepare
    const { resource: fn } = onlyResource('AWS::Lambda::Function');
    const logGroupId = fn.Properties!.LoggingConfig.LogGroup.Ref;

    // Act
    const logGroup = template.toJSON().Resources[logGroupId] as Resource;

    // Assess
    expect(fn.Properties).toEqual(
      expect.objectContaining({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 29,
        Handler: 'index.handler',
      }),
    );
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties!.RetentionInDays).toBeGreaterThan(0);
  });

  it('ships the server bundle as its code: index.js, and HiGHS in lazy/ with its WebAssembly beside it', () => {
    // Prepare
    const { resource: fn } = onlyResource('AWS::Lambda::Function');
    const asset = join(outdir, `asset.${String(fn.Properties!.Code.S3Key).replace(/\.zip$/, '')}`);

    // Act
    const index = readFileSync(join(asset, 'index.js'), 'utf8');

    // Assess
    expect(existsSync(join(asset, 'lazy', 'highs.js'))).toBe(true);
    expect(existsSync(join(asset, 'lazy', 'highs.wasm'))).toBe(true);
    // Plain booleans: a failing toContain would print the whole minified bundle.
    expect(index.includes('"./lazy/exceljs.js"')).toBe(true);
    expect(index.includes('wx-server-sdk')).toBe(false);
    // Secrets come through the extension's local port: no SSM client is bundled.
    expect(index.includes('GetParametersCommand')).toBe(false);
  });

  it('reads its secrets through the Parameters and Secrets Lambda Extension layer, on the port the code reads', () => {
    // Act
    const { resource: fn } = onlyResource('AWS::Lambda::Function');

    // Assess
    // The layer's ARN is per region: a mapping the function looks up for its own region.
    const [lookup] = fn.Properties!.Layers as Array<{ 'Fn::FindInMap': [string, unknown, string] }>;
    const [mapName, , version] = lookup['Fn::FindInMap'];
    const arns = Object.values(template.toJSON().Mappings[mapName] as Record<string, Record<string, string>>).map(
      (byVersion) => byVersion[version],
    );
    expect(arns.length).toBeGreaterThan(10);
    expect(arns.every((arn) => /:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:/.test(arn))).toBe(true);
    expect(fn.Properties!.Environment.Variables).toMatchObject({
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
      PARAMETERS_SECRETS_EXTENSION_CACHE_ENABLED: 'false',
    });
  });

  it('gets TABLE_NAME from the table and the runtime settings the code expects', () => {
    // Prepare
    const { logicalId: tableId } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const { resource } = onlyResource('AWS::Lambda::Function');

    // Assess
    expect(resource.Properties!.Environment.Variables).toEqual({
      TABLE_NAME: { Ref: tableId },
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...extensionVariables(resource.Properties!.Environment.Variables),
      WECHAT_APP_ID_PARAMETER: '/jituan/wechat/app-id',
      WECHAT_APP_SECRET_PARAMETER: '/jituan/wechat/app-secret',
      SESSION_SECRET_PARAMETER: '/jituan/session-secret',
      PSEUDONYM_SECRET_PARAMETER: '/jituan/pseudonym-secret',
      NEWS_IMAGE_BUCKET: { Ref: newsBucketId() },
      CATALOG_SNAPSHOT_BUCKET: { Ref: newsBucketId() },
    });
  });

  it('may read exactly its four SSM parameters, with GetParameter only (what the extension calls) and no KMS grant', () => {
    // Prepare
    const { resource: fn } = onlyResource('AWS::Lambda::Function');
    const roleId = fn.Properties!.Role['Fn::GetAtt'][0];

    // Act
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => (policy as Resource).Properties!.PolicyDocument.Statement as Array<Record<string, any>>,
    );
    const ssm = statements.filter((s) => /ssm:|kms:/.test(JSON.stringify(s.Action)));

    // Assess
    expect(ssm).toEqual([
      {
        Action: 'ssm:GetParameter',
        Effect: 'Allow',
        Resource: ['wechat/app-id', 'wechat/app-secret', 'session-secret', 'pseudonym-secret'].map((name) =>
          parameterArn(`jituan/${name}`),
        ),
      },
    ]);
    const ssmPolicy = Object.values(template.findResources('AWS::IAM::Policy')).find((policy) =>
      JSON.stringify(policy).includes('ssm:GetParameter"'),
    ) as Resource;
    expect(ssmPolicy.Properties!.Roles).toEqual([{ Ref: roleId }]);
  });

  it('may read and write the table and its indexes through its own role', () => {
    // Prepare
    const { logicalId: tableId } = onlyResource('AWS::DynamoDB::Table');
    const { resource: fn } = onlyResource('AWS::Lambda::Function');
    const roleId = fn.Properties!.Role['Fn::GetAtt'][0];
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };

    // Act
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify((policy as Resource).Properties!.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap((policy) => (policy as Resource).Properties!.PolicyDocument.Statement);

    // Assess
    expect(statements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Effect: 'Allow',
          Action: expect.arrayContaining([
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
            'dynamodb:Query',
            'dynamodb:BatchWriteItem',
          ]),
          Resource: [tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }],
        }),
      ]),
    );
  });

  it('has a role without AWS managed policies (no AWSLambdaBasicExecutionRole)', () => {
    // Prepare
    const { resource: fn } = onlyResource('AWS::Lambda::Function');
    const roleId = fn.Properties!.Role['Fn::GetAtt'][0];

    // Act
    const role = template.toJSON().Resources[roleId] as Resource;

    // Assess
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties!.ManagedPolicyArns).toBeUndefined();
  });
});

describe('the server secrets', () => {
  /** A stack with a bare inline function: no bundling, so each case synthesises in milliseconds. */
  function secretsStack(prefix?: string) {
    const stack = new Stack(new App({ outdir: join(outdir, `secrets-${Math.random().toString(36).slice(2)}`) }), 'Secrets');
    const fn = new LambdaFunction(stack, 'Fn', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('exports.handler = () => {}'),
    });
    return { stack, build: () => new ServerSecrets(stack, 'Secrets', { fn, prefix }) };
  }

  it('live under another prefix when one is given, in the variables and the grant alike', () => {
    // Prepare
    const { stack, build } = secretsStack('/jituan-staging/');

    // Act
    const secrets = build();
    const synthesised = Template.fromStack(stack);

    // Assess
    expect(secrets.parameterNames).toEqual([
      '/jituan-staging/wechat/app-id',
      '/jituan-staging/wechat/app-secret',
      '/jituan-staging/session-secret',
      '/jituan-staging/pseudonym-secret',
    ]);
    synthesised.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: {
          WECHAT_APP_SECRET_PARAMETER: '/jituan-staging/wechat/app-secret',
          SESSION_SECRET_PARAMETER: '/jituan-staging/session-secret',
        },
      },
    });
    synthesised.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'ssm:GetParameter', Effect: 'Allow', Resource: secrets.parameterNames.map((name) => parameterArn(name.slice(1))) },
        ],
      },
    });
  });

  it.each(['jituan/', '/jituan', '/jituan/*/', '/ji tuan/'])(
    'refuse the malformed prefix %j, which would grant the wrong ARNs',
    (prefix) => {
      // Prepare
      const { build } = secretsStack(prefix);

      // Act, Assess
      expect(build).toThrow(/secrets prefix must look like \/path\//);
    },
  );
});

describe('the HTTP API', () => {
  it('sends ANY /api and ANY /api/{proxy+} to the Lambda with payload v2', () => {
    // Prepare
    const { logicalId: fnId } = onlyResource('AWS::Lambda::Function');

    // Act
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => (route as Resource).Properties!.RouteKey,
    );

    // Assess
    expect(routeKeys.sort()).toEqual(['ANY /api', 'ANY /api/{proxy+}']);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] },
    });
  });

  it('throttles every route of the $default stage at 200 requests/s with a burst of 400, with no route exempted', () => {
    // Prepare
    const { resource: stage } = onlyResource('AWS::ApiGatewayV2::Stage');

    // Act
    const { DefaultRouteSettings: defaults, RouteSettings: perRoute } = stage.Properties!;

    // Assess
    expect(defaults).toEqual({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
    expect(perRoute).toBeUndefined();
  });

  it('has a $default stage that writes JSON access logs to a log group with retention', () => {
    // Prepare
    const { resource: stage } = onlyResource('AWS::ApiGatewayV2::Stage');
    const logGroupId = stage.Properties!.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];

    // Act
    const logGroup = template.toJSON().Resources[logGroupId] as Resource;
    const format = JSON.parse(stage.Properties!.AccessLogSettings.Format);

    // Assess
    expect(stage.Properties).toEqual(
      expect.objectContaining({
        StageName: '$default',
        AutoDeploy: true,
      }),
    );
    expect(format.requestId).toBe('$context.requestId');
    expect(logGroup.Type).toBe('AWS::Logs::LogGroup');
    expect(logGroup.Properties!.RetentionInDays).toBeGreaterThan(0);
  });

  it('publishes the API URL and the table name as outputs', () => {
    // Prepare
    const { logicalId: tableId } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const outputs = template.toJSON().Outputs;

    // Assess
    expect(outputs.TableName.Value).toEqual({ Ref: tableId });
    expect(JSON.stringify(outputs.ApiUrl.Value)).toContain('execute-api');
  });
});

/** The news image bucket: the one bucket that logs its access (the other one holds those logs). */
function newsBucketId(): string {
  const found = Object.entries(template.findResources('AWS::S3::Bucket')).filter(
    ([, r]) => (r as Resource).Properties?.LoggingConfiguration,
  );
  expect(found).toHaveLength(1);
  return found[0][0];
}

describe('the news image bucket', () => {
  it('is private, encrypted, TLS-only, retained, and logs access to a private log bucket', () => {
    // Prepare
    const buckets = template.findResources('AWS::S3::Bucket') as Record<string, Resource>;
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy')) as Resource[];

    // Act
    const news = buckets[newsBucketId()];

    // Assess
    expect(Object.keys(buckets)).toHaveLength(2);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties!.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties!.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe(
        'AES256',
      );
      expect(bucket.DeletionPolicy).toBe('Retain');
    }
    expect(news.Properties!.LoggingConfiguration.DestinationBucketName.Ref).not.toBe(newsBucketId());
    const denyInsecure = policies
      .flatMap((p) => p.Properties!.PolicyDocument.Statement)
      .filter((st: any) => st.Effect === 'Deny' && st.Condition?.Bool?.['aws:SecureTransport'] === 'false');
    expect(denyInsecure).toHaveLength(2);
  });

  it('lets the Lambda put, get and delete objects under news/, and put and get catalogue snapshots, and nothing else', () => {
    // Prepare
    const bucketArn = { 'Fn::GetAtt': [newsBucketId(), 'Arn'] };

    // Act
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as Resource).Properties!.PolicyDocument.Statement as any[],
    );
    const s3 = statements.filter((st) => JSON.stringify(st.Action).includes('s3:'));

    // Assess
    expect(s3).toEqual([
      {
        Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', [bucketArn, '/news/*']] },
      },
      {
        Action: ['s3:PutObject', 's3:GetObject'],
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', [bucketArn, '/catalog-snapshots/*']] },
      },
    ]);
  });
});

describe('cdk-nag AwsSolutions checks', () => {
  it('report no unacknowledged errors', () => {
    // Prepare, Act
    const errors = nagViolations.filter((v) => v.severity === 'error');

    // Assess
    expect(errors.map(describeViolation)).toEqual([]);
  });

  it('report no unacknowledged warnings', () => {
    // Prepare, Act
    const warnings = nagViolations.filter((v) => v.severity !== 'error');

    // Assess
    expect(warnings.map(describeViolation)).toEqual([]);
  });

  it('are acknowledged only for the reviewed rules, each on the one resource it concerns', () => {
    // Prepare
    const { logicalId: tableId } = onlyResource('AWS::DynamoDB::Table');

    // Act
    const acknowledged = suppressions()
      .map((s) => `${s.resourceType} ${s.id}`)
      .sort();

    // Assess
    expect(acknowledged).toEqual(
      [
        'AWS::ApiGatewayV2::Route AwsSolutions-APIG4',
        'AWS::ApiGatewayV2::Route AwsSolutions-APIG4',
        `AWS::IAM::Policy AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        `AWS::IAM::Policy AwsSolutions-IAM5[Resource::<${newsBucketId()}.Arn>/news/*]`,
        `AWS::IAM::Policy AwsSolutions-IAM5[Resource::<${newsBucketId()}.Arn>/catalog-snapshots/*]`,
        'AWS::S3::Bucket AwsSolutions-S1',
        'AWS::Lambda::Function AwsSolutions-L1',
      ].sort(),
    );
  });

  it('give every acknowledgement a real reason of at least 20 characters', () => {
    // Prepare
    const all = suppressions();

    // Act
    const tooShort = all.filter((s) => typeof s.reason !== 'string' || s.reason.trim().length < 20);

    // Assess
    expect(all.length).toBeGreaterThan(0);
    expect(tooShort).toEqual([]);
  });
});

/** The ARN formatArn writes for an SSM parameter, `name` without its leading '/'. */
function parameterArn(name: string) {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, ':ssm:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:parameter/${name}`],
    ],
  };
}

function describeViolation(v: PolicyViolation): string {
  return `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath ?? r.resourceLogicalId).join(', ')}`;
}

/** The acknowledgements as cdk-nag writes them into the template (writeSuppressionsToCloudFormation). */
function suppressions(): { logicalId: string; resourceType: string; id: string; reason: unknown }[] {
  const resources = template.toJSON().Resources as Record<string, Resource>;
  return Object.entries(resources).flatMap(([logicalId, resource]) =>
    ((resource.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: unknown }[]).map((rule) => ({
      logicalId,
      resourceType: resource.Type,
      id: rule.id,
      reason: rule.reason,
    })),
  );
}

/** The extension's settings the layer construct adds (checked on their own above). */
function extensionVariables(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).filter(([name]) => /^(PARAMETERS_SECRETS_EXTENSION|SSM_PARAMETER_STORE|SECRETS_MANAGER)_/.test(name)),
  );
}
