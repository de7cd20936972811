// How many CloudFormation resources a placement unit becomes. The planner packs units into stacks
// with this count; tests compare it with the synthesized templates, so it must never undercount.
import type { Defaults, LambdaFunction, Route } from '../../model/types';
import type { PlacementUnit } from './units';

/** Resources per element, as built by compiler/cdk/units/. */
export const RESOURCE_COST = {
  /** AWS::Events::Rule. */
  rule: 1,
  /** AWS::IAM::Role (inline policy) that EventBridge assumes (Step Functions, bus, API destination targets). */
  ruleRole: 1,
  /** AWS::Lambda::Permission for a Lambda or email target. */
  invokePermission: 1,
  /** Function, role (inline policy), log group. */
  function: 3,
  /** EventInvokeConfig of a function that rules invoke (asynchronously). */
  asyncConfig: 1,
  /** AWS::Lambda::EventSourceMapping per queue trigger. */
  queueTrigger: 1,
  /** Queue and queue policy. */
  queue: 2,
  /** AWS::Events::Connection + AWS::Events::ApiDestination. */
  apiDestination: 2,
  /** One CloudWatch alarm. */
  alarm: 1,
  /** The route stack's dashboard (AWS::CloudWatch::Dashboard), one per stack. */
  dashboard: 1,
} as const;

/** Resources of a route stack besides its units': its dashboard. */
export const STACK_OVERHEAD = RESOURCE_COST.dashboard;

const ROLE_TARGETS = new Set(['stepFunctions', 'bus', 'apiDestination']);

export function functionCost(fn: Pick<LambdaFunction, 'triggers'>, alarms: boolean): number {
  const queueTriggers = fn.triggers.filter((t) => t.kind === 'queue').length;
  const invokedByRules = fn.triggers.some((t) => t.kind === 'route');
  return RESOURCE_COST.function + (invokedByRules ? RESOURCE_COST.asyncConfig : 0) + queueTriggers * RESOURCE_COST.queueTrigger + (alarms ? 2 * RESOURCE_COST.alarm : 0);
}

export function routeCost(route: Route, alarms: boolean): number {
  let cost = RESOURCE_COST.rule + (alarms ? RESOURCE_COST.alarm : 0);
  if (route.targets.some((t) => ROLE_TARGETS.has(t.kind))) cost += RESOURCE_COST.ruleRole;
  for (const t of route.targets) {
    if (t.kind === 'lambda') cost += RESOURCE_COST.invokePermission;
    if (t.kind === 'email') cost += RESOURCE_COST.invokePermission + functionCost({ triggers: [{ kind: 'route', route: route.name, target: t.id }] }, alarms);
  }
  return cost;
}

export function unitCost(unit: PlacementUnit, defaults: Defaults): number {
  const alarms = defaults.alarms.enabled;
  let cost = 0;
  for (const route of unit.routes) cost += routeCost(route, alarms);
  for (const fn of unit.functions) cost += functionCost(fn, alarms);
  cost += unit.queues.length * (RESOURCE_COST.queue + (alarms ? RESOURCE_COST.alarm : 0));
  cost += unit.apiDestinations.length * RESOURCE_COST.apiDestination;
  return cost;
}
