import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('topics', () => {
  const model = new ModelBuilder().topic('customers', [{ protocol: 'https', endpoint: 'https://hooks.example.com/x' }, { protocol: 'sms', endpoint: '+15555550100' }]).build();
  const core = buildTestSystem(model).template('test-shop-core');

  it('subscribes every endpoint, named by protocol and endpoint (not by position)', () => {
    core.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'https', Endpoint: 'https://hooks.example.com/x' });
    core.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'sms', Endpoint: '+15555550100' });
    const ids = Object.keys(core.findResources('AWS::SNS::Subscription'));
    expect(ids.some((id) => id.startsWith('TopicsCustomershttps'))).toBe(true);
    expect(ids.some((id) => id.startsWith('TopicsCustomerssms'))).toBe(true);
  });

  it('lets CloudWatch alarms of this account publish to the ops topic only', () => {
    core.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: Match.stringLikeRegexp('^TopicsOps') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AllowAlarms', Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: { ArnLike: { 'aws:SourceArn': { 'Fn::Sub': 'arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:*' } } } })]) },
    });
    const customers = Object.values(core.findResources('AWS::SNS::TopicPolicy', { Properties: { Topics: [{ Ref: Match.stringLikeRegexp('^TopicsCustomers') }] } }))[0] as { Properties: { PolicyDocument: { Statement: { Sid?: string }[] } } };
    expect(customers.Properties.PolicyDocument.Statement.map((s) => s.Sid)).not.toContain('AllowAlarms');
  });

  it('requires TLS to publish', () => {
    core.hasResourceProperties('AWS::SNS::TopicPolicy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) } });
  });

  it('names the key by alias, so that functions can be granted it without its ARN', () => {
    core.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/test-shop-topics' });
  });
});
