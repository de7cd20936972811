// Failure handling, in one place for every target kind so that none can miss it:
//  - each rule target gets the model's retry policy and its dead-letter queue;
//  - dead-letter queues are standard, SSE-SQS encrypted, kept 14 days, open to exactly the rules in
//    their `senders`, and alarmed on depth;
//  - each rule is alarmed on FailedInvocations;
//  - each function gets Lambda's own asynchronous settings (EventInvokeConfig: retries, maximum event
//    age, on-failure destination) and alarms on Errors and Throttles.
// EventBridge's retries cover delivery only (throttling, permissions, a missing target); once Lambda
// has accepted an event, failures inside the function are Lambda's to retry, hence both settings.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnEventInvokeConfig } from 'aws-cdk-lib/aws-lambda';
import type { Queue as SqsQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { AsyncSettings, InputSpec, Queue, Route, Target } from '../../model/types';
import type { SystemContext } from '../context';
import { acknowledge, acknowledgeWildcardResource, type NagReason } from '../nag/acknowledge';
import type { BuiltLambda } from '../resources/lambda';
import type { SenderCondition } from '../resources/queue';
import { buildQueue } from '../resources/queue';
import type { TargetBinding } from '../targets/target-builder';

/** ARNs of the rules a queue accepts messages from (its model `senders`). */
/**
 * At most this many rule ARNs are listed in a resource policy: a queue policy holds 8,192 bytes and a
 * rule ARN takes about a hundred. Beyond it, the senders on each bus are admitted by the longest prefix
 * their rule names share (rule names start with the project's stack names: `<project>-...`).
 */
export const MAX_LISTED_SENDERS = 40;

function commonPrefix(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const name of names) while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** The `aws:SourceArn` condition for the routes `senders`, or undefined when there are none. */
export function senderCondition(senders: readonly Route[], ctx: SystemContext): SenderCondition | undefined {
  if (senders.length === 0) return undefined;
  const listed = (): SenderCondition => ({ ArnEquals: { 'aws:SourceArn': [...new Set(senders.map((r) => ctx.names.ruleArn(r).token))] } });
  if (senders.length <= MAX_LISTED_SENDERS) return listed();
  const patterns: string[] = [];
  for (const bus of [...new Set(senders.map((r) => r.bus))].sort()) {
    const prefix = commonPrefix(senders.filter((r) => r.bus === bus).map((r) => ctx.names.ruleName(r)));
    if (prefix.length < 3) return listed(); // no meaningful shared prefix: list them (the policy may then be too big)
    patterns.push(ctx.names.ruleArnPattern(bus, prefix).token);
  }
  return { ArnLike: { 'aws:SourceArn': patterns } };
}

export function senderRules(queue: Queue, ctx: SystemContext): SenderCondition | undefined {
  return senderCondition(
    queue.senders.map((name) => {
      const route = ctx.model.routes.find((r) => r.name === name);
      if (!route) throw new Error(`queue ${queue.name} names sender route ${name}, which is not in the model`);
      return route;
    }),
    ctx,
  );
}

export function buildDeadLetterQueue(scope: Construct, queue: Queue, ctx: SystemContext): SqsQueue {
  const queueName = ctx.names.queueName(queue.name);
  const built = buildQueue(scope, queue.fifo ? `${queue.id}.Fifo` : queue.id, {
    queueName,
    fifo: queue.fifo,
    visibilityTimeoutSeconds: queue.visibilityTimeoutSeconds,
    retentionSeconds: queue.retentionSeconds,
    senders: senderRules(queue, ctx),
  });
  acknowledge(built, 'AwsSolutions-SQS3', 'eventBridgeDeadLetterQueue');
  ctx.alarms.queueDepth(built, queueName, `dead-letter queue ${queue.name}`);
  return built;
}

export function inputProperties(input: InputSpec | null): Pick<CfnRule.TargetProperty, 'input' | 'inputPath' | 'inputTransformer'> {
  if (!input) return {};
  switch (input.kind) {
    case 'constant':
      return { input: input.json };
    case 'path':
      return { inputPath: input.path };
    case 'transformer':
      return { inputTransformer: { inputPathsMap: input.paths, inputTemplate: input.template } };
  }
}

/** The rule target with the model's retry policy, dead-letter queue and input applied. */
export function failureHandledTarget(route: Route, target: Target, binding: TargetBinding, queueArn: (name: string) => string, ctx: SystemContext, roleArn: string | undefined): CfnRule.TargetProperty {
  if (target.deadLetterQueue !== null) {
    const queue = ctx.model.queues.find((q) => q.name === target.deadLetterQueue);
    if (!queue) throw new Error(`route ${route.name}: dead-letter queue ${target.deadLetterQueue} is not in the model`);
    if (!queue.senders.includes(route.name)) throw new Error(`route ${route.name}: dead-letter queue ${queue.name} does not list the route among its senders`);
  }
  if (target.input && !binding.transformsInput) throw new Error(`route ${route.name}: target ${target.id} cannot transform its input`);
  return {
    id: target.id,
    arn: binding.arn,
    roleArn: binding.roleStatements.length > 0 ? roleArn : undefined,
    retryPolicy: { maximumRetryAttempts: target.retry.attempts, maximumEventAgeInSeconds: target.retry.maxAgeSeconds },
    deadLetterConfig: target.deadLetterQueue !== null ? { arn: queueArn(target.deadLetterQueue) } : undefined,
    sqsParameters: binding.sqsParameters,
    ...inputProperties(target.input),
  };
}

export function watchRule(scope: Construct, route: Route, ruleName: string, ctx: SystemContext): void {
  ctx.alarms.ruleFailures(scope, route.bus, ruleName, route.name);
}

/** Where failed asynchronous invocations go, with the permission the function's role needs for it. */
export interface FailureDestination {
  arn: string;
  statements: PolicyStatement[];
  /** Wildcard resources of the statements, to acknowledge for cdk-nag (Fn::Sub templates). */
  wildcards: { template: string; reason: NagReason }[];
}

export function handleFunctionFailures(scope: Construct, built: BuiltLambda, settings: AsyncSettings | null, destination: FailureDestination | null, what: string, ctx: SystemContext): void {
  ctx.alarms.functionErrors(scope, built.functionName, what);
  ctx.alarms.functionThrottles(scope, built.functionName, what);
  // Functions only a queue invokes are invoked synchronously: Lambda's asynchronous settings do not apply.
  if (!settings) return;
  if (destination) {
    built.policy.addStatements(...destination.statements);
    for (const w of destination.wildcards) acknowledgeWildcardResource(built.role, w.template, w.reason);
  }
  new CfnEventInvokeConfig(scope, 'AsyncConfig', {
    functionName: built.fn.ref,
    qualifier: '$LATEST',
    maximumRetryAttempts: settings.retries,
    maximumEventAgeInSeconds: settings.maxAgeSeconds,
    destinationConfig: destination ? { onFailure: { destination: destination.arn } } : undefined,
  });
}

/** The on-failure destination of a function's asynchronous invocations, as the model names it. */
export function failureDestination(settings: AsyncSettings, queueArn: (name: string) => string, ctx: SystemContext): FailureDestination | null {
  const target = settings.onFailure;
  if (!target) return null;
  switch (target.kind) {
    case 'queue': {
      const arn = queueArn(target.queue);
      return { arn, statements: [new PolicyStatement({ sid: 'SendFailedInvocations', actions: ['sqs:SendMessage'], resources: [arn] })], wildcards: [] };
    }
    case 'topic': {
      const arn = ctx.names.topicArn(target.topic).token;
      return {
        arn,
        statements: [new PolicyStatement({ sid: 'PublishFailedInvocations', actions: ['sns:Publish'], resources: [arn] }), topicKeyStatement(ctx)],
        wildcards: [{ template: ctx.names.anyKeyArn().template, reason: 'topicKey' }],
      };
    }
    case 'bus': {
      const arn = ctx.names.busArn(target.bus).token;
      return { arn, statements: [new PolicyStatement({ sid: 'PutFailedInvocations', actions: ['events:PutEvents'], resources: [arn] })], wildcards: [] };
    }
  }
}

/** Publishing to an encrypted topic needs the topics key, named through its alias. */
export function topicKeyStatement(ctx: SystemContext): PolicyStatement {
  return new PolicyStatement({
    sid: 'UseTopicsKey',
    actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
    resources: [ctx.names.anyKeyArn().token],
    conditions: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': ctx.names.topicKeyAlias() } },
  });
}
