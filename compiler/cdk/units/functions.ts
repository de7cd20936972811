// The model's Lambda functions (route handlers and queue consumers): code from the handler bundle,
// access grants, queue event source mappings with partial batch responses, and failure handling.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnEventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { LambdaFunction } from '../../model/types';
import type { SystemContext } from '../context';
import { SynthError } from '../errors';
import { failureDestination, handleFunctionFailures } from '../failure/failure-handling';
import { acknowledgeWildcardResource } from '../nag/acknowledge';
import { buildLambda, type BuiltLambda } from '../resources/lambda';
import { functionAccess } from './access';
import type { StackResources } from './stack-resources';

export const CONSUMER_ACTIONS = ['sqs:ChangeMessageVisibility', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'];

function describe(fn: LambdaFunction): string {
  const uses = fn.triggers.map((t) => (t.kind === 'route' ? `route ${t.route}` : `queue ${t.queue}`));
  return `eventroutes: ${fn.name} (${uses.join(', ')})`;
}

export function buildModelFunction(scope: Construct, fn: LambdaFunction, ctx: SystemContext, local: StackResources): BuiltLambda {
  const fnScope = new Construct(scope, fn.id);
  const what = `function ${fn.name}`;
  const access = functionAccess(fn, ctx);
  const built = buildLambda(fnScope, {
    what,
    functionName: ctx.names.functionName(fn.name),
    description: describe(fn),
    code: ctx.options.code.handler(fn),
    runtime: fn.runtime,
    architecture: fn.architecture,
    memoryMb: fn.memoryMb,
    timeoutSeconds: fn.timeoutSeconds,
    tracing: fn.tracing,
    logRetentionDays: fn.logRetentionDays,
    environment: access.environment,
  });
  built.policy.addStatements(...access.statements);
  for (const w of access.wildcards) acknowledgeWildcardResource(built.role, w.template, w.reason);

  for (const trigger of fn.triggers) {
    if (trigger.kind !== 'queue') continue;
    const queue = ctx.model.queues.find((q) => q.name === trigger.queue);
    if (!queue) throw new Error(`function ${fn.name}: queue ${trigger.queue} is not in the model`);
    if (queue.visibilityTimeoutSeconds < fn.timeoutSeconds) {
      throw new SynthError({
        what: `queue ${queue.name} hides a message for less time than its consumer ${fn.name} may run`,
        value: `visibility timeout ${queue.visibilityTimeoutSeconds}s, function timeout ${fn.timeoutSeconds}s`,
        allowed: "Lambda requires a queue's visibility timeout to be at least the function timeout (AWS recommends six times it)",
        fix: `set the queue's visibilityTimeout to ${Math.max(fn.timeoutSeconds * 6, fn.timeoutSeconds)}s or more, or shorten the consumer's timeout`,
      });
    }
    const arn = local.queueArn(queue.name);
    built.policy.addStatements(new PolicyStatement({ sid: `Consume${queue.id.replace(/[^A-Za-z0-9]/g, '')}`, actions: CONSUMER_ACTIONS, resources: [arn] }));
    new CfnEventSourceMapping(fnScope, `From.${queue.id}`, {
      functionName: built.fn.ref,
      eventSourceArn: arn,
      batchSize: trigger.batchSize,
      functionResponseTypes: ['ReportBatchItemFailures'],
      enabled: true,
    });
  }

  const invokedAsynchronously = fn.triggers.some((t) => t.kind === 'route');
  const destination = invokedAsynchronously ? failureDestination(fn.async, (q) => local.queueArn(q), ctx) : null;
  handleFunctionFailures(fnScope, built, invokedAsynchronously ? fn.async : null, destination, what, ctx);
  local.functions.set(fn.name, built);
  return built;
}
