// An API destination with its connection. The credentials are read from Secrets Manager at deploy
// time through dynamic references ({{resolve:secretsmanager:...}}): the template never holds a secret,
// and EventBridge keeps its own copy in the connection's managed secret.
import { SecretValue } from 'aws-cdk-lib';
import { CfnApiDestination, CfnConnection, type CfnConnectionProps } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import type { ApiDestination, ConnectionAuth } from '../../model/types';

/** A deploy-time reference to one JSON field of a Secrets Manager secret. */
export function secretField(secret: string, field: string): string {
  return SecretValue.secretsManager(secret, { jsonField: field }).unsafeUnwrap();
}

function connectionAuth(auth: ConnectionAuth): Pick<CfnConnectionProps, 'authorizationType' | 'authParameters'> {
  switch (auth.kind) {
    case 'apiKey':
      return { authorizationType: 'API_KEY', authParameters: { apiKeyAuthParameters: { apiKeyName: auth.header, apiKeyValue: secretField(auth.secret, auth.field) } } };
    case 'basic':
      return {
        authorizationType: 'BASIC',
        authParameters: { basicAuthParameters: { username: secretField(auth.secret, auth.usernameField), password: secretField(auth.secret, auth.passwordField) } },
      };
    case 'oauth':
      return {
        authorizationType: 'OAUTH_CLIENT_CREDENTIALS',
        authParameters: {
          oAuthParameters: {
            authorizationEndpoint: auth.tokenUrl,
            httpMethod: auth.method,
            clientParameters: { clientId: secretField(auth.secret, auth.clientIdField), clientSecret: secretField(auth.secret, auth.clientSecretField) },
          },
        },
      };
  }
}

export function buildApiDestination(scope: Construct, model: ApiDestination): CfnApiDestination {
  const group = new Construct(scope, model.id);
  const connection = new CfnConnection(group, 'Connection', {
    description: `Credentials of API destination ${model.name} (from Secrets Manager)`,
    ...connectionAuth(model.auth),
  });
  return new CfnApiDestination(group, 'Destination', {
    description: `${model.method} ${model.url}`.slice(0, 512),
    connectionArn: connection.attrArn,
    invocationEndpoint: model.url,
    httpMethod: model.method,
    invocationRateLimitPerSecond: model.rateLimitPerSecond,
  });
}
