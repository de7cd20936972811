import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem, renderIntrinsics } from '../support/system';

describe('tables', () => {
  const model = new ModelBuilder()
    .bus('commerce')
    .table('orders', { sortKey: { name: 'at', type: 'number' }, ttlAttribute: 'expiresAt', stream: { bus: 'commerce', source: 'com.acme.orders.table', detailType: 'Order Changed' } })
    .table('plain')
    .build();
  const core = buildTestSystem(model).template('test-shop-core');

  it('creates on-demand, encrypted tables with point-in-time recovery and deletion protection', () => {
    core.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: {
        TableName: 'test-shop-orders',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: 'at', KeyType: 'RANGE' }],
        SSESpecification: { SSEEnabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
    const plain = Object.values(core.findResources('AWS::DynamoDB::Table', { Properties: { TableName: 'test-shop-plain' } }))[0] as { Properties: Record<string, unknown> };
    expect(plain.Properties.StreamSpecification).toBeUndefined();
  });

  it('puts every change on the bus through a pipe, with the model source and detail-type', () => {
    core.resourceCountIs('AWS::Pipes::Pipe', 1);
    core.hasResourceProperties('AWS::Pipes::Pipe', {
      Source: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TablesOrdersTable'), 'StreamArn'] },
      Target: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/commerce' },
      SourceParameters: { DynamoDBStreamParameters: { StartingPosition: 'LATEST', MaximumRetryAttempts: 10, DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^TablesOrdersPipeDeadLetterQueue'), 'Arn'] } } } },
      TargetParameters: { EventBridgeEventBusParameters: { Source: 'com.acme.orders.table', DetailType: 'Order Changed' } },
    });
  });

  it('lets the pipe read the stream and put events on the one bus', () => {
    const policy = Object.values(core.findResources('AWS::IAM::Policy'))[0] as { Properties: { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } } };
    const grants = policy.Properties.PolicyDocument.Statement.map((s) => [s.Action, renderIntrinsics(s.Resource)]);
    expect(grants).toContainEqual(['events:PutEvents', 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/commerce']);
    expect(grants).toContainEqual(['sqs:SendMessage', expect.stringMatching(/PipeDeadLetterQueue.*\.Arn/)]);
    core.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'pipes.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } } })] } });
  });

  it('alarms on records the pipe could not deliver', () => {
    core.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Dimensions: [{ Name: 'QueueName', Value: 'test-shop-orders-pipe-dlq' }] });
  });
});
