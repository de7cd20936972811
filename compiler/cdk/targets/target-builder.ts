// The interface every target kind implements. A builder creates what the target itself needs (a
// Lambda permission, an email sender function) and says how EventBridge reaches it; retry policy,
// dead-letter queue, input and alarms are added by the caller (compiler/cdk/failure/), the same for
// every kind.
import type { CfnRule } from 'aws-cdk-lib/aws-events';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { Route, Target } from '../../model/types';
import type { SystemContext } from '../context';
import type { StackResources } from '../units/stack-resources';

export interface RouteBuildContext {
  system: SystemContext;
  route: Route;
  /** The route's construct: target resources go below it. */
  scope: Construct;
  ruleName: string;
  /** The rule's ARN, computed from its name (a target's permission may not wait for the rule). */
  ruleArn: string;
  /** Functions, queues and destinations of the route's stack. */
  local: StackResources;
}

export interface TargetBinding {
  /** The ARN EventBridge sends to. */
  arn: string;
  /** What EventBridge needs, through the rule's role, to reach the target; empty when a resource policy lets it in. */
  roleStatements: PolicyStatement[];
  sqsParameters?: CfnRule.SqsParametersProperty;
  /** Whether EventBridge may transform the input for this target (not for a bus in another account). */
  transformsInput: boolean;
}

export interface TargetBuilder<T extends Target> {
  readonly kind: T['kind'];
  build(target: T, ctx: RouteBuildContext): TargetBinding;
}
