import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { ruleArnSub, singleRoute } from '../support/single-route';
import { buildTestSystem } from '../support/system';
import { SynthError } from '../../../compiler/cdk/errors';

describe('SQS targets', () => {
  const { core, rule } = singleRoute({ targets: [{ kind: 'sqs', queue: 'inbox', messageGroupId: null }] }, (b) => b.queue('inbox'));

  it('sends to the inbox queue by its computed ARN', () => {
    expect(rule.Targets[0]).toMatchObject({ Id: 'sqs-inbox', Arn: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-shop-inbox' } });
    expect(rule.Targets[0].SqsParameters).toBeUndefined();
  });

  it("lets exactly the queue's sender rules in", () => {
    core.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AllowSendingRules', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: { ArnEquals: { 'aws:SourceArn': [ruleArnSub('test-shop-test-the-route')] } } }),
        ]),
      },
    });
  });

  it('encrypts the inbox with SSE-SQS, requires TLS and redrives failures to its own dead-letter queue', () => {
    core.hasResourceProperties('AWS::SQS::Queue', {
      QueueName: 'test-shop-inbox',
      SqsManagedSseEnabled: true,
      VisibilityTimeout: 180,
      RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: 5 },
    });
    core.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'test-shop-inbox-dlq', SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    core.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'test-shop-inbox-dlq' }] });
    core.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('gives FIFO queues a fixed message group id and content-based deduplication', () => {
    const fifo = singleRoute({ targets: [{ kind: 'sqs', queue: 'orders', messageGroupId: 'orders' }] }, (b) => b.queue('orders', { fifo: true }));
    expect(fifo.rule.Targets[0]).toMatchObject({ Arn: { 'Fn::Sub': 'arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-shop-orders.fifo' }, SqsParameters: { MessageGroupId: 'orders' } });
    fifo.core.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'test-shop-orders.fifo', FifoQueue: true, ContentBasedDeduplication: true });
    fifo.core.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'test-shop-orders-dlq.fifo', FifoQueue: true });
  });

  it('refuses a message group id taken from the event (rules send a fixed one)', () => {
    const model = new ModelBuilder().queue('orders', { fifo: true }).route('r', { targets: [{ kind: 'sqs', queue: 'orders', messageGroupId: '$.detail.orderId' }] }).build();
    expect(() => buildTestSystem(model)).toThrow(SynthError);
    expect(() => buildTestSystem(model)).toThrow(/message group id of queue orders is a JSON path: \$\.detail\.orderId/);
  });
});
