import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('buses', () => {
  const model = new ModelBuilder()
    .bus('commerce', { archive: { name: 'commerce-archive', retentionDays: 90 }, schemaDiscovery: true, allowAccounts: ['222233334444', '555566667777'] })
    .bus('forever', { archive: { name: 'forever-archive', retentionDays: 0 } })
    .eventType('OrderPlaced', { bus: 'commerce', source: 'com.acme.orders' })
    .eventType('OrderPaid', { bus: 'commerce', source: 'com.acme.payments' })
    .build();
  const core = buildTestSystem(model).template('test-shop-core');
  const busArn = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:event-bus/${name}` });

  it('creates custom buses by their model name, and never the default bus', () => {
    core.resourceCountIs('AWS::Events::EventBus', 2);
    core.hasResourceProperties('AWS::Events::EventBus', { Name: 'commerce', Description: 'bus commerce' });
  });

  it('lets the allowed accounts put events, and no one else', () => {
    core.hasResourceProperties('AWS::Events::EventBus', {
      Name: 'commerce',
      Policy: {
        Version: '2012-10-17',
        Statement: ['222233334444', '555566667777'].map((account) => ({
          Sid: `AllowPutEventsFrom${account}`,
          Effect: 'Allow',
          Principal: { AWS: { 'Fn::Sub': `arn:\${AWS::Partition}:iam::${account}:root` } },
          Action: 'events:PutEvents',
          Resource: busArn('commerce'),
        })),
      },
    });
    const forever = Object.values(core.findResources('AWS::Events::EventBus', { Properties: { Name: 'forever' } }))[0] as { Properties: Record<string, unknown> };
    expect(forever.Properties.Policy).toBeUndefined();
  });

  it('archives every event of a custom bus (forwarded ones too) for the retention asked (0 = forever)', () => {
    core.hasResourceProperties('AWS::Events::Archive', { ArchiveName: 'commerce-archive', SourceArn: busArn('commerce'), RetentionDays: 90 });
    core.hasResourceProperties('AWS::Events::Archive', { ArchiveName: 'forever-archive', RetentionDays: 0 });
    for (const archive of Object.values(core.findResources('AWS::Events::Archive')) as { Properties: Record<string, unknown> }[]) expect(archive.Properties.EventPattern).toBeUndefined();
  });

  it('creates archive and discoverer after their bus (they name it by ARN)', () => {
    const busId = Object.keys(core.findResources('AWS::Events::EventBus', { Properties: { Name: 'commerce' } }))[0];
    core.hasResource('AWS::Events::Archive', { Properties: { ArchiveName: 'commerce-archive' }, DependsOn: [busId] });
    core.hasResource('AWS::EventSchemas::Discoverer', { Properties: { SourceArn: busArn('commerce'), CrossAccount: true }, DependsOn: [busId] });
    core.resourceCountIs('AWS::EventSchemas::Discoverer', 1);
  });
});
