// Shared queues: a queue declared in a route file and used for failed deliveries (a target's
// `deadLetter:` or a function's `onFailure: { queue }`) is alarmed on its depth like any dead-letter queue.
import { describe, expect, it } from 'vitest';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';

describe('shared queues', () => {
  it('alarms the depth of inbox queues that receive failed deliveries, not of the others', () => {
    const model = new ModelBuilder()
      .queue('manual-dlq', { redrive: null, senders: ['r'] })
      .queue('failures', { redrive: null })
      .queue('orders-inbox', { redrive: null })
      .logGroup('l')
      .route('r', { targets: [{ kind: 'logs', logGroup: 'l' }, { kind: 'lambda', function: 'app/handle' }] })
      .build();
    model.routes[0]!.targets[0]!.deadLetterQueue = 'manual-dlq';
    model.functions.find((f) => f.name === 'app/handle')!.async.onFailure = { kind: 'queue', queue: 'failures' };
    const system = buildTestSystem(model);
    const core = system.template('test-shop-core');
    const depthAlarms = Object.values(core.findResources('AWS::CloudWatch::Alarm'))
      .filter((a) => (a as { Properties: { MetricName: string } }).Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => (a as { Properties: { Dimensions: { Value: string }[] } }).Properties.Dimensions[0]!.Value);
    const names = system.ctx.names;
    expect(depthAlarms).toContain(names.queueName('manual-dlq'));
    expect(depthAlarms).toContain(names.queueName('failures'));
    expect(depthAlarms).not.toContain(names.queueName('orders-inbox'));
  });
});
