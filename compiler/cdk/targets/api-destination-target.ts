// API destination targets: the destination (and its connection) live in the route's stack; the rule's
// role may invoke exactly that destination.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { ApiDestinationTarget } from '../../model/types';
import type { TargetBuilder } from './target-builder';

export const apiDestinationTargetBuilder: TargetBuilder<ApiDestinationTarget> = {
  kind: 'apiDestination',
  build(target, ctx) {
    const arn = ctx.local.apiDestination(target.destination).attrArn;
    return { arn, roleStatements: [new PolicyStatement({ actions: ['events:InvokeApiDestination'], resources: [arn] })], transformsInput: true };
  },
};
