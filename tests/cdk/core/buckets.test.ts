import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('buckets', () => {
  const model = new ModelBuilder().bucket('raw', { eventBridge: true, expireAfterDays: 30, versioned: true }).bucket('quiet').build();
  const core = buildTestSystem(model).template('test-shop-core');
  const bucket = (prefix: string) => Object.values(core.findResources('AWS::S3::Bucket')).find((b) => JSON.stringify(b).includes(`"${prefix}-\${AWS::AccountId}`)) as { Properties: Record<string, any> };

  it('encrypts, blocks public access, logs access and versions when asked', () => {
    expect(bucket('test-shop-raw').Properties).toMatchObject({
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { LogFilePrefix: 'raw/' },
      NotificationConfiguration: { EventBridgeConfiguration: { EventBridgeEnabled: true } },
    });
    expect(bucket('test-shop-raw').Properties.LifecycleConfiguration.Rules).toContainEqual({ Id: 'expire-objects', Status: 'Enabled', ExpirationInDays: 30, NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
    expect(bucket('test-shop-quiet').Properties.NotificationConfiguration).toBeUndefined();
  });

  it('requires TLS', () => {
    const policies = Object.values(core.findResources('AWS::S3::BucketPolicy'));
    expect(policies.length).toBe(3);
    for (const p of policies) expect(JSON.stringify(p)).toContain('"aws:SecureTransport":"false"');
  });

  it('sends S3 events to EventBridge without a custom resource', () => {
    core.resourceCountIs('Custom::S3BucketNotifications', 0);
    core.resourceCountIs('AWS::Lambda::Function', 0);
  });
});
