// One route: its rule (event pattern or schedule) on its bus, explicitly named so that other stacks
// can compute its ARN, with one target per model target. Each target comes from its kind's builder and
// goes through the shared failure handling; targets that EventBridge reaches through a role share one
// role per rule.
import { PolicyDocument, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { Route } from '../../model/types';
import type { SystemContext } from '../context';
import { failureHandledTarget, watchRule } from '../failure/failure-handling';
import { buildTarget } from '../targets';
import type { RouteBuildContext } from '../targets/target-builder';
import { boundPattern } from './pattern';
import type { StackResources } from './stack-resources';

export const MAX_RULE_DESCRIPTION = 512;

export function buildRoute(scope: Construct, route: Route, ctx: SystemContext, local: StackResources): CfnRule {
  const routeScope = new Construct(scope, route.id);
  const ruleName = ctx.names.ruleName(route);
  const rctx: RouteBuildContext = { system: ctx, route, scope: routeScope, ruleName, ruleArn: ctx.names.ruleArn(route).token, local };
  const built = route.targets.map((target) => ({ target, binding: buildTarget(target, rctx) }));

  const statements = built.flatMap((b) => b.binding.roleStatements);
  const role =
    statements.length > 0
      ? new Role(routeScope, 'EventsRole', {
          assumedBy: new ServicePrincipal('events.amazonaws.com'),
          description: `EventBridge delivers the events of route ${route.name}`.slice(0, 1000),
          inlinePolicies: { targets: new PolicyDocument({ statements }) },
        })
      : undefined;

  const bus = ctx.model.buses.find((b) => b.name === route.bus);
  const trigger = route.trigger;
  // The construct id names the bus: moving a route to another bus replaces the rule (a named rule
  // cannot be replaced in place) instead of failing the deployment.
  const rule = new CfnRule(routeScope, `On${bus?.id ?? 'Default'}`, {
    name: ruleName,
    eventBusName: route.bus,
    description: (route.description || `eventroutes route ${route.name}`).slice(0, MAX_RULE_DESCRIPTION),
    state: route.enabled ? 'ENABLED' : 'DISABLED',
    eventPattern: trigger.kind === 'pattern' ? boundPattern(route, trigger.pattern, trigger.bindings, ctx) : undefined,
    scheduleExpression: trigger.kind === 'schedule' ? trigger.expression : undefined,
    targets: built.map(({ target, binding }) => failureHandledTarget(route, target, binding, (q) => local.queueArn(q), ctx, role?.roleArn)),
  });
  // Invoke permissions first, so that no event meets a function that does not admit the rule yet.
  for (const child of routeScope.node.findAll()) if (child instanceof CfnPermission) rule.node.addDependency(child);
  watchRule(routeScope, route, ruleName, ctx);
  return rule;
}
