// One SQS queue as eventroutes builds every queue: encrypted with SSE-SQS, TLS required, explicitly
// named, with a policy that lets exactly the sending rules in. SSE-SQS rather than the AWS managed
// aws/sqs KMS key, because EventBridge cannot use that key: its key policy cannot be changed to
// admit events.amazonaws.com (SQS developer guide, "Amazon SQS key management"), while SSE-SQS needs
// no key policy at all.
import { Duration } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** The condition that admits only some rules as senders (`aws:SourceArn`): listed, or by name prefix. */
export type SenderCondition = { ArnEquals: { 'aws:SourceArn': string[] } } | { ArnLike: { 'aws:SourceArn': string[] } };

export interface QueueSpec {
  queueName: string;
  fifo: boolean;
  visibilityTimeoutSeconds: number;
  retentionSeconds: number;
  /** The queue's own dead-letter queue for consumer failures. */
  redrive?: { queue: IQueue; maxReceives: number };
  /** Which EventBridge rules may send (as target or as dead-letter queue); undefined: none. */
  senders: SenderCondition | undefined;
}

export function buildQueue(scope: Construct, id: string, spec: QueueSpec): Queue {
  const queue = new Queue(scope, id, {
    queueName: spec.queueName,
    fifo: spec.fifo || undefined,
    // EventBridge sends no deduplication id: deduplicate FIFO messages on their content (the event id is in it).
    contentBasedDeduplication: spec.fifo || undefined,
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
    retentionPeriod: Duration.seconds(spec.retentionSeconds),
    deadLetterQueue: spec.redrive ? { queue: spec.redrive.queue, maxReceiveCount: spec.redrive.maxReceives } : undefined,
  });
  if (spec.senders) {
    queue.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowSendingRules',
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [queue.queueArn],
        conditions: spec.senders,
      }),
    );
  }
  return queue;
}
