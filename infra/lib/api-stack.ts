import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../functions/src/db/table-definition';
import { ApiFunction } from './api-function';
import { PublicHttpApi } from './http-api';
import { NewsImageBucket } from './news-image-bucket';
import { ServerSecrets } from './server-secrets';
import { DataTable } from './table';

/**
 * Throttling of every route on the $default stage (issue 12), a token bucket per stage. The
 * sizing is in infra/README.md ("Throttling"): a district-wide survey evening peaks near 130
 * requests/s, so 200/s leaves headroom while capping what a flood can cost in Lambda time,
 * DynamoDB capacity and WeChat code2session calls; the burst absorbs 2 s at that rate.
 */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

export interface ApiStackProps extends StackProps {
  /** SSM path holding the server's secrets (see ServerSecrets). @default '/jituan/' */
  readonly secretsPrefix?: string;
}

/**
 * The backend of the education-group mini-program: one DynamoDB table, one Lambda with the
 * whole HTTP core, an HTTP API in front of it, and a private bucket for news images. Environment-agnostic on purpose: synth
 * needs no credentials or lookups; the account/region come from the deploy credentials.
 */
export class ApiStack extends Stack {
  public readonly data: DataTable;
  public readonly backend: ApiFunction;
  public readonly httpApi: PublicHttpApi;
  public readonly newsImages: NewsImageBucket;

  constructor(scope: Construct, id: string, props: ApiStackProps = {}) {
    super(scope, id, props);

    this.data = new DataTable(this, 'Data', { definition: TABLE_DEFINITION });
    this.backend = new ApiFunction(this, 'Backend', { table: this.data.table });

    this.newsImages = new NewsImageBucket(this, 'NewsImages');
    this.backend.fn.addEnvironment('NEWS_IMAGE_BUCKET', this.newsImages.bucket.bucketName);
    this.newsImages.grantToApi(this.backend.fn, this.backend.role.node.findChild('DefaultPolicy'));
    this.backend.fn.addEnvironment('CATALOG_SNAPSHOT_BUCKET', this.newsImages.bucket.bucketName);
    this.newsImages.grantSnapshotsToApi(this.backend.fn, this.backend.role.node.findChild('DefaultPolicy'));

    new ServerSecrets(this, 'Secrets', { fn: this.backend.fn, prefix: props.secretsPrefix });

    this.httpApi = new PublicHttpApi(this, 'Http', { handler: this.backend.fn, ...STAGE_THROTTLE });

    new CfnOutput(this, 'ApiUrl', {
      value: this.httpApi.url,
      description: 'Base URL of the API; requests go to <ApiUrl>api/...',
    });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}
