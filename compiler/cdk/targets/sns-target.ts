// SNS targets: the topic lives in the core stack; its topic policy admits the rules that target it
// (compiler/cdk/core/topics.ts), so the rule needs no role.
import type { SnsTarget } from '../../model/types';
import type { TargetBuilder } from './target-builder';

export const snsTargetBuilder: TargetBuilder<SnsTarget> = {
  kind: 'sns',
  build(target, ctx) {
    return { arn: ctx.system.names.topicArn(target.topic).token, roleStatements: [], transformsInput: true };
  },
};
