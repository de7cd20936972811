import { describe, expect, it } from 'vitest';
import { singleRoute } from '../support/single-route';

const ARN = 'arn:aws:states:eu-west-1:123456789012:stateMachine:reconcile';

describe('Step Functions targets', () => {
  const { routes, rule } = singleRoute({ targets: [{ kind: 'stepFunctions', stateMachineArn: ARN, input: { kind: 'path', path: '$.detail' } }] });
  const role = Object.entries(routes.findResources('AWS::IAM::Role'))[0];

  it('starts the state machine through a role that may start exactly it', () => {
    expect(rule.Targets[0]).toMatchObject({ Arn: ARN, RoleArn: { 'Fn::GetAtt': [role[0], 'Arn'] }, InputPath: '$.detail' });
    expect(role[1].Properties).toMatchObject({
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' } }] },
      Policies: [{ PolicyName: 'targets', PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Effect: 'Allow', Resource: ARN }] } }],
    });
  });
});
