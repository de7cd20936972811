// cdk-nag's AwsSolutions pack on the example system: no unacknowledged error. Every acknowledgement
// is made in compiler/cdk with its reason (compiler/cdk/nag/acknowledge.ts lists them).
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import type { RouteModel } from '../../../compiler/model/types';
import { ModelBuilder } from '../support/models';
import { buildTestSystem, exampleModel } from '../support/system';

/** Every feature the example does not use: tracing, bucket access, topic on-failure, FIFO, API events... */
function everyFeature(): RouteModel {
  return new ModelBuilder()
    .defaults((d) => (d.lambda.tracing = true))
    .bus('commerce', { archive: { name: 'commerce-archive', retentionDays: 0 }, schemaDiscovery: true, allowAccounts: ['222233334444'] })
    .eventType('Placed', { bus: 'commerce', producer: { kind: 'api', method: 'POST', path: '/placed' } })
    .topic('alerts', [{ protocol: 'email', endpoint: 'a@example.com' }])
    .queue('orders', { fifo: true })
    .queue('inbox')
    .logGroup('audit')
    .apiDestination('erp', { auth: { kind: 'oauth', tokenUrl: 'https://id.example.com/token', method: 'POST', secret: 's', clientIdField: 'id', clientSecretField: 'secret' } })
    .table('ledger', { stream: { bus: 'commerce', source: 'com.example.ledger', detailType: 'Ledger Changed' } })
    .bucket('raw', { eventBridge: true, versioned: true, expireAfterDays: 30 })
    .route('everything', {
      bus: 'commerce',
      targets: [
        { kind: 'lambda', function: 'work/all' },
        { kind: 'sqs', queue: 'orders', messageGroupId: 'orders' },
        { kind: 'apiDestination', destination: 'erp' },
        { kind: 'email', from: 'a@example.com', identity: 'example.com', to: ['b@example.com'], cc: [], subject: 's', body: 'b' },
        { kind: 'logs', logGroup: 'audit' },
      ],
    })
    .route('elsewhere', {
      bus: 'commerce',
      targets: [
        { kind: 'bus', bus: null, arn: 'arn:aws:events:eu-west-1:111122223333:event-bus/partner', account: '111122223333' },
        { kind: 'stepFunctions', stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:flow' },
        { kind: 'sqs', queue: 'inbox', messageGroupId: null },
      ],
    })
    .consumer('inbox', 'inbox/consume')
    .function('work/all', (fn) => {
      fn.async.onFailure = { kind: 'topic', topic: 'alerts' };
      fn.access = { tables: [{ name: 'ledger', mode: 'readwrite', env: 'TABLE_LEDGER' }], buckets: [{ name: 'raw', mode: 'readwrite', env: 'BUCKET_RAW' }], publish: [{ bus: 'commerce', env: 'BUS_COMMERCE' }] };
    })
    .build();
}

describe.each([
  ['the example system', exampleModel],
  ['a system using every feature', everyFeature],
])('AwsSolutions checks on %s', (_name, model) => {
  const system = buildTestSystem(model());
  system.app.synth();
  const report = new AwsSolutionsChecks(system.app).validateScope(system.app);
  const describeViolations = (severity: string): string[] =>
    report.violations.filter((v) => v.severity === severity).map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

  it('reports no unacknowledged errors', () => {
    expect(describeViolations('error')).toEqual([]);
  });

  it('reports no unacknowledged warnings', () => {
    expect(describeViolations('warning')).toEqual([]);
  });
});
