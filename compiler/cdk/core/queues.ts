// Shared queues: the inbox queues declared in route files (each with its own redrive dead-letter queue
// for consumer failures) and dead-letter queues no route or function owns. Route and function
// dead-letter queues live in the route stacks, with their routes.
import { Construct } from 'constructs';
import type { SystemContext } from '../context';
import { acknowledge } from '../nag/acknowledge';
import { buildDeadLetterQueue, senderRules } from '../failure/failure-handling';
import { buildQueue } from '../resources/queue';

/** Dead-letter queues keep messages as long as SQS allows: 14 days. */
export const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/** Inbox queues that a target or function also uses for failed deliveries: their depth needs an alarm too. */
function failureQueues(ctx: SystemContext): Set<string> {
  const names = new Set<string>();
  for (const route of ctx.model.routes) for (const t of route.targets) if (t.deadLetterQueue) names.add(t.deadLetterQueue);
  for (const fn of ctx.model.functions) if (fn.async.onFailure?.kind === 'queue') names.add(fn.async.onFailure.queue);
  return names;
}

export function buildSharedQueues(scope: Construct, ctx: SystemContext): void {
  const shared = ctx.model.queues.filter((q) => q.purpose === 'inbox' || !ctx.plan.homeOfQueue.has(q.name));
  if (shared.length === 0) return;
  const receivingFailures = failureQueues(ctx);
  const group = new Construct(scope, 'Queues');
  for (const q of shared) {
    if (q.purpose === 'dead-letter') {
      buildDeadLetterQueue(group, q, ctx);
      continue;
    }
    const queueScope = new Construct(group, q.fifo ? `${q.id}.Fifo` : q.id);
    const redriveName = ctx.names.extraQueueName(q.name, 'dlq', q.fifo);
    const redrive = q.redrive
      ? {
          queue: buildQueue(queueScope, 'DeadLetterQueue', {
            queueName: redriveName,
            fifo: q.fifo,
            visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
            retentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
            senders: undefined,
          }),
          maxReceives: q.redrive.maxReceives,
        }
      : undefined;
    if (redrive) {
      acknowledge(redrive.queue, 'AwsSolutions-SQS3', 'eventBridgeDeadLetterQueue');
      ctx.alarms.queueDepth(redrive.queue, redriveName, `queue ${q.name}: consumer failures`);
    }
    const queue = buildQueue(queueScope, 'Queue', {
      queueName: ctx.names.queueName(q.name),
      fifo: q.fifo,
      visibilityTimeoutSeconds: q.visibilityTimeoutSeconds,
      retentionSeconds: q.retentionSeconds,
      redrive,
      senders: senderRules(q, ctx),
    });
    if (receivingFailures.has(q.name)) ctx.alarms.queueDepth(queue, ctx.names.queueName(q.name), `queue ${q.name}: failed deliveries`);
  }
}
