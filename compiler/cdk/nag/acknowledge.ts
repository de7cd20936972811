// cdk-nag (AwsSolutions) findings that the design accepts, each acknowledged where the resource is
// built with the reason it is right. cdk-nag runs in the tests (tests/cdk/nag/); the acknowledgements
// live in the construct tree through aws-cdk-lib's Validations API, so production code does not load
// cdk-nag. Every reason is listed here, in one place, for review.
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { nagResource } from '../naming/system-names';

export const NAG_REASONS = {
  eventBridgeDeadLetterQueue:
    'This queue is itself a dead-letter queue (of EventBridge rule targets, a Lambda function or a pipe); a dead-letter queue of a dead-letter queue would only move the problem.',
  bucketObjects: 'Object-level access to one declared bucket: object keys are chosen at run time, so the resource is <bucket ARN>/*, as the route file declares.',
  topicKey:
    'The topics key ARN ends in a generated id; access is limited to the one key through the kms:ResourceAliases condition on the project alias.',
  tableStreams: 'DynamoDB stream ARNs end in the stream\'s creation time; the resource is limited to the streams of the one table.',
  xray: 'X-Ray PutTraceSegments/PutTelemetryRecords do not support resource-level permissions (AWS service authorization reference).',
  accessLogBucket: 'This is the server access log bucket of the system\'s buckets; logging it into itself would loop.',
  apiIamAuthorization: 'The API uses IAM (SigV4) authorization: callers sign with their IAM or Cognito identity pool credentials, no user pool is involved.',
  apiWaf: 'A WAF web ACL is an account/organisation choice with its own cost; attach one to the stage if the API is public (see compiler/cdk/README.md).',
  apiGatewayLogsRole:
    'API Gateway\'s account-level CloudWatch Logs role uses the AWS managed policy AmazonAPIGatewayPushToCloudWatchLogs, the policy AWS documents for it.',
  lambdaRuntime: 'The runtime comes from the route files (defaults.lambda.runtime), which the project controls and upgrades deliberately.',
} as const;

export type NagReason = keyof typeof NAG_REASONS;

export function acknowledge(scope: IConstruct, ruleId: string, reason: NagReason): void {
  Validations.of(scope).acknowledge({ id: ruleId, reason: NAG_REASONS[reason] });
}

/** Acknowledges AwsSolutions-IAM5 for one wildcard resource given as an Fn::Sub template. */
export function acknowledgeWildcardResource(scope: IConstruct, resourceTemplate: string, reason: NagReason): void {
  acknowledge(scope, `AwsSolutions-IAM5[Resource::${nagResource(resourceTemplate)}]`, reason);
}
