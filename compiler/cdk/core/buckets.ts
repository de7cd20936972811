// S3 buckets: encrypted, public access blocked, TLS required, versioned when asked, objects expiring
// when asked, server access logs into one log bucket, and EventBridge notifications on when a route
// listens to the bucket's events. Notifications are set on the bucket resource itself
// (NotificationConfiguration.EventBridgeConfiguration), not through CDK's custom-resource Lambda.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, CfnBucket, ObjectOwnership, type LifecycleRule } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { Bucket as BucketModel } from '../../model/types';
import type { SystemContext } from '../context';
import { acknowledge } from '../nag/acknowledge';
import { boundedName, NAME_RULES } from '../naming/bounded-name';
import { sub } from '../naming/system-names';

/** Days the server access logs of the buckets are kept. */
export const ACCESS_LOG_RETENTION_DAYS = 90;

export function buildBuckets(scope: Construct, ctx: SystemContext): void {
  if (ctx.model.buckets.length === 0) return;
  const group = new Construct(scope, 'Buckets');
  const accessLogs = new Bucket(group, 'AccessLogs', {
    bucketName: sub(`${boundedName(`${ctx.names.project}-access-logs`, NAME_RULES.bucketPrefix)}-\${AWS::AccountId}-\${AWS::Region}`).token,
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(ACCESS_LOG_RETENTION_DAYS) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledge(accessLogs, 'AwsSolutions-S1', 'accessLogBucket');
  for (const model of ctx.model.buckets) buildBucket(group, model, accessLogs, ctx);
}

function buildBucket(scope: Construct, model: BucketModel, accessLogs: Bucket, ctx: SystemContext): void {
  const lifecycleRules: LifecycleRule[] = [];
  if (model.expireAfterDays !== null) {
    lifecycleRules.push({
      id: 'expire-objects',
      expiration: Duration.days(model.expireAfterDays),
      noncurrentVersionExpiration: model.versioned ? Duration.days(model.expireAfterDays) : undefined,
    });
  }
  lifecycleRules.push({ id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) });
  const bucket = new Bucket(scope, model.id, {
    bucketName: ctx.names.bucketName(model.name).token,
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: model.versioned,
    lifecycleRules,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: `${model.name}/`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  if (model.eventBridge) {
    (bucket.node.defaultChild as CfnBucket).notificationConfiguration = { eventBridgeConfiguration: { eventBridgeEnabled: true } };
  }
}
