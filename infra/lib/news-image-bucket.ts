import { Duration, RemovalPolicy, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The prefix the API writes under (functions/src/storage/s3-image-store.ts). */
export const NEWS_IMAGE_PREFIX = 'news/';
/** Catalogue snapshots share the bucket under their own prefix (functions/src/storage/s3-snapshot-store.ts). */
export const CATALOG_SNAPSHOT_PREFIX = 'catalog-snapshots/';

/**
 * Group news images: a private bucket. Nothing in it is public; clients PUT through pre-signed
 * URLs the Lambda makes (their signature covers type and length) and read through pre-signed
 * GETs. Access is logged to a second private bucket.
 */
export class NewsImageBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Log delivery through a bucket policy rather than the LogDeliveryWrite ACL, so ACLs stay
    // disabled on both buckets (set here, before any child exists, for this construct only).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(this.accessLogs.node.defaultChild as CfnResource).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the news image bucket; logging it into itself or a third bucket would only recurse.',
    });
    this.bucket = new Bucket(this, 'Bucket', {
      ...privateBucket,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'news-images/',
      // The H5 build uploads from the browser; the mini-program's wx.request needs no CORS.
      // If-None-Match is signed into every upload URL (upload once: S3 refuses to overwrite).
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: ['*'],
          allowedHeaders: ['content-type', 'if-none-match'],
          maxAge: 3600,
        },
      ],
      // A grant that was never used leaves nothing behind; half-finished uploads neither.
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
  }

  /**
   * Put and get under catalog-snapshots/ only: a catalogue write publishes a snapshot object
   * (never changed after), every container reads the current one.
   */
  grantSnapshotsToApi(fn: IFunction, policyOwner: Construct): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(`${CATALOG_SNAPSHOT_PREFIX}*`)],
      }),
    );
    const bucketLogicalId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnResource).logicalId);
    Validations.of(policyOwner).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${CATALOG_SNAPSHOT_PREFIX}*]`,
      reason:
        'Snapshot object names carry their publication time and are made at run time, so the Lambda needs the catalog-snapshots/ prefix of this one private bucket, with put and get only.',
    });
  }

  /** Put, get and delete under news/ only: what pre-signed URLs and the image check need, nothing else. */
  grantToApi(fn: IFunction, policyOwner: Construct): void {
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects(`${NEWS_IMAGE_PREFIX}*`)],
      }),
    );
    const bucketLogicalId = Stack.of(this).resolve((this.bucket.node.defaultChild as CfnResource).logicalId);
    Validations.of(policyOwner).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${NEWS_IMAGE_PREFIX}*]`,
      reason:
        'Image ids are made per upload at run time, so the Lambda needs the news/ prefix of this one private bucket, with three object actions only.',
    });
  }
}
