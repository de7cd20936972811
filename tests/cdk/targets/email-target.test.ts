import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ruleArnSub, singleRoute } from '../support/single-route';

describe('email targets', () => {
  const { routes, rule } = singleRoute({
    targets: [
      {
        kind: 'email',
        from: 'shop@acme.example',
        identity: 'acme.example',
        to: ['sales@acme.example', 'lead@acme.example'],
        cc: ['boss@acme.example'],
        subject: 'Order {{detail.orderId}}',
        body: 'Total {{detail.total}}',
      },
    ],
  });
  const sender = Object.entries(routes.findResources('AWS::Lambda::Function'))[0];

  it('invokes a sender function that renders the templates from its environment', () => {
    expect(rule.Targets[0]).toMatchObject({ Id: 'email-sales-acme.example', Arn: { 'Fn::GetAtt': [sender[0], 'Arn'] } });
    expect(sender[1].Properties).toMatchObject({
      FunctionName: 'test-shop-test-TheRoute-email-sales-acme-example',
      Runtime: 'nodejs22.x',
      Environment: {
        Variables: {
          EMAIL_FROM: 'shop@acme.example',
          EMAIL_TO: 'sales@acme.example,lead@acme.example',
          EMAIL_CC: 'boss@acme.example',
          EMAIL_SUBJECT_TEMPLATE: 'Order {{detail.orderId}}',
          EMAIL_BODY_TEMPLATE: 'Total {{detail.total}}',
        },
      },
    });
  });

  it('may send as the declared SES identity only', () => {
    routes.hasResourceProperties('AWS::IAM::Role', {
      Policies: [
        {
          PolicyName: 'access',
          PolicyDocument: {
            Statement: Match.arrayWith([
              { Sid: 'SendAsIdentity', Effect: 'Allow', Action: 'ses:SendEmail', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/acme.example' } },
            ]),
          },
        },
      ],
    });
  });

  it('has the failure handling of any function', () => {
    routes.hasResourceProperties('AWS::Lambda::Permission', { Principal: 'events.amazonaws.com', SourceArn: ruleArnSub('test-shop-test-the-route') });
    routes.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: Match.anyValue() } } });
    routes.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Errors', Dimensions: [{ Name: 'FunctionName', Value: sender[1].Properties.FunctionName }] });
    routes.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Throttles' });
  });
});
