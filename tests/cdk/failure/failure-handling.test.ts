// Failure handling holds for every target of the example system, whatever its kind: the model's
// retry policy and dead-letter queue on each rule target, dead-letter queues that admit exactly their
// sender rules, and alarms on every dead-letter queue, rule and function.
import { describe, expect, it } from 'vitest';
import { buildTestSystem, exampleModel, renderIntrinsics } from '../support/system';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('failure handling (example system)', () => {
  const model = exampleModel();
  const system = buildTestSystem(model);
  const resources = system.stacks.flatMap((s) => Object.entries(system.template(s.stackName).toJSON().Resources as Record<string, Resource>).map(([id, r]) => ({ stack: s.stackName, id, ...r })));
  const ofType = (type: string) => resources.filter((r) => r.Type === type);
  const rules = new Map(ofType('AWS::Events::Rule').map((r) => [r.Properties.Name as string, r]));
  const alarms = ofType('AWS::CloudWatch::Alarm').map((a) => ({ metric: a.Properties.MetricName as string, dimensions: Object.fromEntries((a.Properties.Dimensions as { Name: string; Value: string }[]).map((d) => [d.Name, d.Value])), actions: a.Properties.AlarmActions }));
  const opsTopic = { 'Fn::Sub': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:acme-shop-ops-alerts' };

  it.each(model.routes.map((r) => [r.name, r] as const))('route %s: every target has its retry policy and dead-letter queue', (_name, route) => {
    const rule = rules.get(system.ctx.names.ruleName(route))!;
    expect(rule).toBeDefined();
    const targets = rule.Properties.Targets as { Id: string; RetryPolicy: unknown; DeadLetterConfig?: { Arn: unknown } }[];
    expect(targets.map((t) => t.Id)).toEqual(route.targets.map((t) => t.id));
    route.targets.forEach((t, i) => {
      expect(targets[i].RetryPolicy).toEqual({ MaximumRetryAttempts: t.retry.attempts, MaximumEventAgeInSeconds: t.retry.maxAgeSeconds });
      if (t.deadLetterQueue === null) expect(targets[i].DeadLetterConfig).toBeUndefined();
      else expect(renderIntrinsics(targets[i].DeadLetterConfig!.Arn)).toMatch(/Arn|:sqs:/);
    });
  });

  it.each(model.routes.map((r) => [r.name, r] as const))('route %s: its rule is alarmed on FailedInvocations', (_name, route) => {
    const name = system.ctx.names.ruleName(route);
    expect(alarms).toContainEqual({ metric: 'FailedInvocations', dimensions: route.bus === 'default' ? { RuleName: name } : { EventBusName: route.bus, RuleName: name }, actions: [opsTopic] });
  });

  it.each(model.queues.filter((q) => q.purpose === 'dead-letter').map((q) => [q.name, q] as const))('dead-letter queue %s: standard, SSE-SQS, 14 days, alarmed, open to its senders only', (_name, queue) => {
    const queueName = system.ctx.names.queueName(queue.name);
    const built = ofType('AWS::SQS::Queue').find((q) => q.Properties.QueueName === queueName)!;
    expect(built.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1_209_600 });
    expect(built.Properties.FifoQueue).toBeUndefined();
    expect(alarms).toContainEqual({ metric: 'ApproximateNumberOfMessagesVisible', dimensions: { QueueName: queueName }, actions: [opsTopic] });
    const policy = ofType('AWS::SQS::QueuePolicy').find((p) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: built.id }]))!;
    const statements = (policy.Properties.PolicyDocument as { Statement: { Sid?: string; Effect: string; Condition?: { ArnEquals?: Record<string, unknown[]> } }[] }).Statement;
    const senders = queue.senders.map((s) => system.ctx.names.ruleArn(model.routes.find((r) => r.name === s)!).template);
    if (senders.length === 0) expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
    else expect(statements.find((s) => s.Sid === 'AllowSendingRules')!.Condition!.ArnEquals!['aws:SourceArn'].map(renderIntrinsics)).toEqual(senders);
  });

  it.each(model.functions.map((f) => [f.name, f] as const))('function %s: alarmed on Errors and Throttles; asynchronous settings when rules invoke it', (_name, fn) => {
    const functionName = system.ctx.names.functionName(fn.name);
    expect(alarms).toContainEqual({ metric: 'Errors', dimensions: { FunctionName: functionName }, actions: [opsTopic] });
    expect(alarms).toContainEqual({ metric: 'Throttles', dimensions: { FunctionName: functionName }, actions: [opsTopic] });
    const built = ofType('AWS::Lambda::Function').find((f) => f.Properties.FunctionName === functionName)!;
    const config = ofType('AWS::Lambda::EventInvokeConfig').find((c) => JSON.stringify(c.Properties.FunctionName) === JSON.stringify({ Ref: built.id }));
    if (!fn.triggers.some((t) => t.kind === 'route')) {
      expect(config).toBeUndefined();
      return;
    }
    expect(config!.Properties).toMatchObject({ MaximumRetryAttempts: fn.async.retries, MaximumEventAgeInSeconds: fn.async.maxAgeSeconds });
    expect(Boolean(config!.Properties.DestinationConfig)).toBe(fn.async.onFailure !== null);
  });

  it('creates no alarm when alarms are disabled', () => {
    const quiet = exampleModel();
    quiet.defaults.alarms.enabled = false;
    const s = buildTestSystem(quiet);
    for (const stack of s.stacks) s.template(stack.stackName).resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  it('creates alarms without actions when no topic is named', () => {
    const silent = exampleModel();
    silent.defaults.alarms.topic = null;
    const s = buildTestSystem(silent);
    const all = s.stacks.flatMap((st) => Object.values(s.template(st.stackName).findResources('AWS::CloudWatch::Alarm')));
    expect(all.length).toBeGreaterThan(0);
    for (const a of all) expect((a as Resource).Properties.AlarmActions).toBeUndefined();
  });
});
