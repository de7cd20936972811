import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ruleArnSub, singleRoute } from '../support/single-route';

describe('Lambda targets', () => {
  const { routes, rule } = singleRoute({ targets: [{ kind: 'lambda', function: 'orders/score' }] });
  const fnLogicalId = Object.keys(routes.findResources('AWS::Lambda::Function'))[0];

  it('invokes the route function with the retry policy and dead-letter queue', () => {
    expect(rule.Targets).toEqual([
      {
        Id: 'lambda-orders-score',
        Arn: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 24, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [expect.stringMatching(/^DeadLetterQueuesDLQTheRoute/), 'Arn'] } },
      },
    ]);
  });

  it('lets exactly this rule invoke the function, before the rule exists', () => {
    routes.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [fnLogicalId, 'Arn'] },
      SourceArn: ruleArnSub('test-shop-test-the-route'),
    });
    const permission = Object.keys(routes.findResources('AWS::Lambda::Permission'))[0];
    routes.hasResource('AWS::Events::Rule', { DependsOn: Match.arrayWith([permission]) });
  });

  it('names the rule after its stack and route', () => {
    expect(rule.Name).toBe('test-shop-test-the-route');
    expect(rule.EventBusName).toBe('default');
    expect(rule.State).toBe('ENABLED');
  });

  it("configures Lambda's own asynchronous retries and failure destination", () => {
    routes.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnLogicalId },
      Qualifier: '$LATEST',
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 21600,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DeadLetterQueuesDLQTheRoute'), 'Arn'] } } },
    });
  });
});
