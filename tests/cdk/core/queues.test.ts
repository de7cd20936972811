// Shared queues: a queue declared in a route file and used for failed deliveries (a target's
// `deadLetter:` or a function's `onFailure: { queue }`) is alarmed on its depth like any dead-letter queue.
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_SENDERS } from '../../../compiler/cdk/failure/failure-handling';
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

describe('sender policies', () => {
  const policyCondition = (template: ReturnType<ReturnType<typeof buildTestSystem>['template']>, type: string) =>
    (Object.values(template.findResources(type)) as { Properties: { PolicyDocument: { Statement: { Sid?: string; Condition?: Record<string, unknown> }[] } } }[])
      .flatMap((p) => p.Properties.PolicyDocument.Statement)
      .find((s) => s.Sid === 'AllowSendingRules' || s.Sid === 'AllowRoutes')?.Condition;

  it('lists up to MAX_LISTED_SENDERS rules, and admits more by their shared name prefix (a policy holds 8 KB)', () => {
    for (const count of [3, MAX_LISTED_SENDERS + 1, 120]) {
      const builder = new ModelBuilder().queue('audit-inbox', { redrive: null }).topic('alerts');
      for (let i = 0; i < count; i++) builder.route(`r${String(i).padStart(3, '0')}`, { targets: [{ kind: 'sqs', queue: 'audit-inbox', messageGroupId: null }, { kind: 'sns', topic: 'alerts' }], deadLetter: false });
      const system = buildTestSystem(builder.build());
      const core = system.template('test-shop-core');
      for (const type of ['AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy']) {
        const condition = policyCondition(core, type)!;
        if (count <= MAX_LISTED_SENDERS) {
          expect(Object.keys(condition)).toEqual(['ArnEquals']);
          expect((condition.ArnEquals as Record<string, unknown[]>)['aws:SourceArn']).toHaveLength(count);
        } else {
          expect(Object.keys(condition)).toEqual(['ArnLike']);
          const [pattern] = (condition.ArnLike as Record<string, { 'Fn::Sub': string }[]>)['aws:SourceArn'];
          const prefix = /:rule\/(.*)\*$/.exec(pattern!['Fn::Sub'])![1]!;
          expect(prefix.length).toBeGreaterThan(3);
          for (const route of system.ctx.model.routes) expect(system.ctx.names.ruleName(route).startsWith(prefix)).toBe(true);
        }
      }
    }
  });
});
