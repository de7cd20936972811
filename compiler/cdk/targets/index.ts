// The builder of each target kind; the mapped type makes the list exhaustive.
import type { Target, TargetKind } from '../../model/types';
import { apiDestinationTargetBuilder } from './api-destination-target';
import { busTargetBuilder } from './bus-target';
import { emailTargetBuilder } from './email-target';
import { lambdaTargetBuilder } from './lambda-target';
import { logsTargetBuilder } from './logs-target';
import { snsTargetBuilder } from './sns-target';
import { sqsTargetBuilder } from './sqs-target';
import { stepFunctionsTargetBuilder } from './step-functions-target';
import type { RouteBuildContext, TargetBinding, TargetBuilder } from './target-builder';

type Builders = { [K in TargetKind]: TargetBuilder<Extract<Target, { kind: K }>> };

export const TARGET_BUILDERS: Builders = {
  lambda: lambdaTargetBuilder,
  sns: snsTargetBuilder,
  email: emailTargetBuilder,
  sqs: sqsTargetBuilder,
  stepFunctions: stepFunctionsTargetBuilder,
  bus: busTargetBuilder,
  apiDestination: apiDestinationTargetBuilder,
  logs: logsTargetBuilder,
};

export function buildTarget(target: Target, ctx: RouteBuildContext): TargetBinding {
  const builder = TARGET_BUILDERS[target.kind] as TargetBuilder<Target>;
  return builder.build(target, ctx);
}
