import { describe, expect, it } from 'vitest';
import { singleRoute } from '../support/single-route';
import { renderIntrinsics } from '../support/system';

describe('CloudWatch Logs targets', () => {
  const { core, rule } = singleRoute({ targets: [{ kind: 'logs', logGroup: 'audit' }] }, (b) => b.logGroup('audit', 365));
  const arn = 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/events/test-shop/audit';

  it('writes to the log group by its computed ARN', () => {
    expect(rule.Targets[0]).toMatchObject({ Arn: { 'Fn::Sub': arn } });
    expect(rule.Targets[0].RoleArn).toBeUndefined();
  });

  it('creates the log group with its retention and the resource policy EventBridge needs', () => {
    core.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/events/test-shop/audit', RetentionInDays: 365 });
    const policy = Object.values(core.findResources('AWS::Logs::ResourcePolicy'))[0] as { Properties: { PolicyName: string; PolicyDocument: unknown } };
    expect(policy.Properties.PolicyName).toBe('test-shop-events-to-logs');
    expect(JSON.parse(renderIntrinsics(policy.Properties.PolicyDocument))).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EventBridgeRulesWriteEvents',
          Effect: 'Allow',
          Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [`${arn}:*`],
        },
      ],
    });
  });
});
