import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem, renderIntrinsics } from '../support/system';

describe('events API', () => {
  const model = new ModelBuilder()
    .bus('analytics')
    .eventType('ActivityRecorded', {
      bus: 'analytics',
      source: 'com.acme.web',
      detailType: 'User Activity Recorded',
      producer: { kind: 'api', method: 'POST', path: '/activity/events' },
      detailSchema: { type: 'object', required: ['userId'], properties: { userId: { type: 'string' }, n: { type: 'number', exclusiveMinimum: 0 } } },
    })
    .build();
  const core = buildTestSystem(model).template('test-shop-core');

  it('puts the posted body on the bus with a direct PutEvents integration', () => {
    const method = Object.values(core.findResources('AWS::ApiGateway::Method'))[0] as { Properties: Record<string, any> };
    expect(method.Properties).toMatchObject({ HttpMethod: 'POST', AuthorizationType: 'AWS_IAM', RequestValidatorId: { Ref: expect.stringMatching(/BodyValidator/) } });
    const integration = method.Properties.Integration;
    expect(integration).toMatchObject({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      PassthroughBehavior: 'NEVER',
      RequestParameters: { 'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'", 'integration.request.header.Content-Type': "'application/x-amz-json-1.1'" },
    });
    expect(renderIntrinsics(integration.Uri)).toBe('arn:${AWS::Partition}:apigateway:${AWS::Region}:events:action/PutEvents');
    const template = renderIntrinsics(integration.RequestTemplates['application/json']);
    expect(template).toContain('"EventBusName": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/analytics"');
    expect(template).toContain('"Source": "com.acme.web"');
    expect(template).toContain('"DetailType": "User Activity Recorded"');
    expect(template).toContain("$util.escapeJavaScript($input.json('$'))");
    expect(integration.IntegrationResponses.map((r: { StatusCode: string }) => r.StatusCode)).toEqual(['200', '500', '502']);
  });

  it('validates the body against the detail schema in draft-04', () => {
    core.hasResourceProperties('AWS::ApiGateway::Model', {
      Name: 'ActivityRecorded',
      ContentType: 'application/json',
      Schema: { $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['userId'], properties: { userId: { type: 'string' }, n: { type: 'number', minimum: 0, exclusiveMinimum: true } } },
    });
    core.hasResourceProperties('AWS::ApiGateway::RequestValidator', { ValidateRequestBody: true, ValidateRequestParameters: true });
  });

  it('throttles the stage and writes access and error logs', () => {
    core.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1',
      AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      MethodSettings: [Match.objectLike({ ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200, LoggingLevel: 'ERROR', MetricsEnabled: true })],
    });
    core.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/apigateway/test-shop-events', RetentionInDays: 30 });
    core.resourceCountIs('AWS::ApiGateway::Account', 1);
  });

  it('lets API Gateway put events on the one bus', () => {
    core.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'events:PutEvents', Effect: 'Allow', Resource: { 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/analytics' } }] },
    });
  });

  it('leaves the account-level CloudWatch role out when asked', () => {
    const t = buildTestSystem(model, { apiGatewayAccountRole: false }).template('test-shop-core');
    t.resourceCountIs('AWS::ApiGateway::Account', 0);
  });
});
