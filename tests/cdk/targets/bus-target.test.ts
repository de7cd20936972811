import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { singleRoute } from '../support/single-route';
import { buildTestSystem } from '../support/system';

const PARTNER = 'arn:aws:events:eu-west-1:111122223333:event-bus/logistics';

describe('event bus targets', () => {
  const { routes, rule } = singleRoute(
    {
      bus: 'commerce',
      targets: [
        { kind: 'bus', bus: 'analytics', arn: null, account: null },
        { kind: 'bus', bus: null, arn: PARTNER, account: '111122223333' },
      ],
    },
    (b) => b.bus('commerce').bus('analytics'),
  );
  const role = Object.entries(routes.findResources('AWS::IAM::Role'))[0];

  it('forwards to a bus of the project by its computed ARN and to another account by ARN', () => {
    const analytics = { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/analytics' };
    expect(rule.Targets).toEqual([
      expect.objectContaining({ Id: 'bus-analytics', Arn: analytics, RoleArn: { 'Fn::GetAtt': [role[0], 'Arn'] } }),
      expect.objectContaining({ Id: 'bus-111122223333', Arn: PARTNER, RoleArn: { 'Fn::GetAtt': [role[0], 'Arn'] } }),
    ]);
    expect(role[1].Properties.Policies).toEqual([
      {
        PolicyName: 'targets',
        PolicyDocument: {
          Version: '2012-10-17',
          // aws-iam merges statements that differ only in resource (@aws-cdk/aws-iam:minimizePolicies).
          Statement: [{ Action: 'events:PutEvents', Effect: 'Allow', Resource: [PARTNER, analytics] }],
        },
      },
    ]);
  });

  it('puts the rule on its bus', () => {
    expect(rule.EventBusName).toBe('commerce');
  });

  it('does not transform the input of a bus in another account', () => {
    const model = new ModelBuilder()
      .route('r', { targets: [{ kind: 'bus', bus: null, arn: PARTNER, account: '111122223333', input: { kind: 'constant', json: '{}' } }] })
      .build();
    expect(() => buildTestSystem(model)).toThrow(/cannot transform its input/);
  });
});
