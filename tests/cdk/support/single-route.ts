// A system with one route (in routes/test.yaml, so in stack test-shop-test) and whatever else a test
// declares: the common setup of the target tests.
import { Template } from 'aws-cdk-lib/assertions';
import type { RouteModel } from '../../../compiler/model/types';
import { ModelBuilder, type RouteSpec } from './models';
import { buildTestSystem, type TestSystem } from './system';

export const CORE = 'test-shop-core';
export const ROUTES = 'test-shop-test';

export interface SingleRoute {
  model: RouteModel;
  system: TestSystem;
  core: Template;
  routes: Template;
  /** The route's rule (properties). */
  rule: Record<string, unknown> & { Targets: Record<string, unknown>[] };
}

export function singleRoute(spec: RouteSpec, declare: (b: ModelBuilder) => ModelBuilder = (b) => b, name = 'the-route'): SingleRoute {
  const model = declare(new ModelBuilder()).route(name, spec).build();
  const system = buildTestSystem(model);
  const routes = system.template(ROUTES);
  const rules = Object.values(routes.findResources('AWS::Events::Rule'));
  if (rules.length !== 1) throw new Error(`expected one rule, found ${rules.length}`);
  return { model, system, core: system.template(CORE), routes, rule: (rules[0] as { Properties: SingleRoute['rule'] }).Properties };
}

/** The Fn::Sub ARN of the route's rule (routes on the default bus). */
export function ruleArnSub(ruleName: string, bus = 'default'): { 'Fn::Sub': string } {
  const path = bus === 'default' ? ruleName : `${bus}/${ruleName}`;
  return { 'Fn::Sub': `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/${path}` };
}
