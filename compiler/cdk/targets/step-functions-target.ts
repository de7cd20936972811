// Step Functions targets: the rule's role may start executions of exactly the state machine named.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { StepFunctionsTarget } from '../../model/types';
import type { TargetBuilder } from './target-builder';

export const stepFunctionsTargetBuilder: TargetBuilder<StepFunctionsTarget> = {
  kind: 'stepFunctions',
  build(target) {
    return {
      arn: target.stateMachineArn,
      roleStatements: [new PolicyStatement({ actions: ['states:StartExecution'], resources: [target.stateMachineArn] })],
      transformsInput: true,
    };
  },
};
