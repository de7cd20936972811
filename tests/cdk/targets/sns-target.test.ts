import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ruleArnSub, singleRoute } from '../support/single-route';

describe('SNS targets', () => {
  const { core, routes, rule } = singleRoute({ targets: [{ kind: 'sns', topic: 'alerts' }] }, (b) => b.topic('alerts', [{ protocol: 'email', endpoint: 'a@example.com' }]));

  it('publishes to the topic by its computed ARN, without a role', () => {
    expect(rule.Targets[0]).toMatchObject({ Arn: { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:test-shop-alerts' } });
    expect(rule.Targets[0].RoleArn).toBeUndefined();
    routes.resourceCountIs('AWS::IAM::Role', 0);
  });

  it("admits exactly the route's rule in the topic policy", () => {
    core.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Sid: 'AllowRoutes', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Condition: { ArnEquals: { 'aws:SourceArn': [ruleArnSub('test-shop-test-the-route')] } } }),
        ]),
      },
    });
  });

  it('encrypts the topic with the project key', () => {
    core.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'test-shop-alerts', KmsMasterKeyId: Match.anyValue() });
    core.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'a@example.com' });
    core.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: ['cloudwatch.amazonaws.com', 'events.amazonaws.com'] }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
  });
});
