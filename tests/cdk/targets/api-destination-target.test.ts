import { describe, expect, it } from 'vitest';
import { singleRoute } from '../support/single-route';

describe('API destination targets', () => {
  const { routes, rule } = singleRoute(
    { targets: [{ kind: 'apiDestination', destination: 'erp', input: { kind: 'transformer', paths: { order: '$.detail.orderId' }, template: '{"id": <order>}' } }] },
    (b) => b.apiDestination('erp', { auth: { kind: 'apiKey', header: 'x-api-key', secret: 'acme/erp', field: 'key' } }),
  );
  const destination = Object.entries(routes.findResources('AWS::Events::ApiDestination'))[0];
  const role = Object.entries(routes.findResources('AWS::IAM::Role'))[0];

  it('invokes the destination through a role that may invoke exactly it, with the input transformer', () => {
    expect(rule.Targets[0]).toMatchObject({
      Arn: { 'Fn::GetAtt': [destination[0], 'Arn'] },
      RoleArn: { 'Fn::GetAtt': [role[0], 'Arn'] },
      InputTransformer: { InputPathsMap: { order: '$.detail.orderId' }, InputTemplate: '{"id": <order>}' },
      RetryPolicy: { MaximumRetryAttempts: 24, MaximumEventAgeInSeconds: 21600 },
    });
    expect(role[1].Properties.Policies[0].PolicyDocument.Statement).toEqual([{ Action: 'events:InvokeApiDestination', Effect: 'Allow', Resource: { 'Fn::GetAtt': [destination[0], 'Arn'] } }]);
  });

  it('reads the credentials from Secrets Manager by reference, never as plain text', () => {
    routes.hasResourceProperties('AWS::Events::Connection', {
      AuthorizationType: 'API_KEY',
      AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: '{{resolve:secretsmanager:acme/erp:SecretString:key::}}' } },
    });
    expect(destination[1].Properties).toMatchObject({ HttpMethod: 'POST', InvocationEndpoint: 'https://api.example.com/hook', InvocationRateLimitPerSecond: 10 });
  });

  it.each([
    [{ kind: 'basic', secret: 's', usernameField: 'user', passwordField: 'pass' }, { BasicAuthParameters: { Username: '{{resolve:secretsmanager:s:SecretString:user::}}', Password: '{{resolve:secretsmanager:s:SecretString:pass::}}' } }],
    [
      { kind: 'oauth', tokenUrl: 'https://id.example.com/token', method: 'POST', secret: 's', clientIdField: 'id', clientSecretField: 'secret' },
      { OAuthParameters: { AuthorizationEndpoint: 'https://id.example.com/token', HttpMethod: 'POST', ClientParameters: { ClientID: '{{resolve:secretsmanager:s:SecretString:id::}}', ClientSecret: '{{resolve:secretsmanager:s:SecretString:secret::}}' } } },
    ],
  ] as const)('maps %o authorization', (auth, expected) => {
    const { routes: t } = singleRoute({ targets: [{ kind: 'apiDestination', destination: 'erp' }] }, (b) => b.apiDestination('erp', { auth }));
    t.hasResourceProperties('AWS::Events::Connection', { AuthParameters: expected });
  });
});
