// CloudWatch Logs targets: the log group lives in the core stack, whose logs resource policy lets
// EventBridge write to it (compiler/cdk/core/log-groups.ts).
import type { LogsTarget } from '../../model/types';
import type { TargetBuilder } from './target-builder';

export const logsTargetBuilder: TargetBuilder<LogsTarget> = {
  kind: 'logs',
  build(target, ctx) {
    return { arn: ctx.system.names.logGroupArn(target.logGroup).token, roleStatements: [], transformsInput: true };
  },
};
