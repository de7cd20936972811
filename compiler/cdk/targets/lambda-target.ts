// Lambda targets: EventBridge invokes the route's function asynchronously; the function's resource
// policy admits exactly this rule.
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import type { LambdaTarget } from '../../model/types';
import type { RouteBuildContext, TargetBinding, TargetBuilder } from './target-builder';

/** Lets the route's rule invoke a function. */
export function allowRuleToInvoke(ctx: RouteBuildContext, targetId: string, functionArn: string): void {
  new CfnPermission(ctx.scope, `Invoke.${targetId}`, {
    action: 'lambda:InvokeFunction',
    functionName: functionArn,
    principal: 'events.amazonaws.com',
    sourceArn: ctx.ruleArn,
  });
}

export const lambdaTargetBuilder: TargetBuilder<LambdaTarget> = {
  kind: 'lambda',
  build(target, ctx): TargetBinding {
    const fn = ctx.local.function(target.function);
    allowRuleToInvoke(ctx, target.id, fn.functionArn);
    return { arn: fn.functionArn, roleStatements: [], transformsInput: true };
  },
};
