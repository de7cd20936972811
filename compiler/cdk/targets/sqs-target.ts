// SQS targets: the queue's policy admits the rules listed in its `senders`. FIFO queues take the rule's
// message group id, which EventBridge rules set as a fixed value: a JSON path cannot pick it from the
// event (only EventBridge Pipes can), so one is refused here rather than silently used as a literal.
import type { SqsTarget } from '../../model/types';
import { SynthError } from '../errors';
import type { TargetBuilder } from './target-builder';

export const sqsTargetBuilder: TargetBuilder<SqsTarget> = {
  kind: 'sqs',
  build(target, ctx) {
    const group = target.messageGroupId;
    if (group !== null && group.startsWith('$')) {
      throw new SynthError({
        what: `route ${ctx.route.name}: the message group id of queue ${target.queue} is a JSON path`,
        value: group,
        allowed: 'EventBridge rules send FIFO messages with one fixed message group id (SqsParameters.MessageGroupId); a group taken from the event needs an EventBridge pipe',
        fix: `write a fixed group id (e.g. messageGroupId: ${ctx.route.name}), or use a standard queue`,
      });
    }
    return {
      arn: ctx.local.queueArn(target.queue),
      roleStatements: [],
      transformsInput: true,
      sqsParameters: group !== null ? { messageGroupId: group } : undefined,
    };
  },
};
