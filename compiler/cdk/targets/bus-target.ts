// Event bus targets: a bus of this project, or any bus by ARN (another region or account). The rule's
// role may put events on exactly that bus. A bus in another account must also allow this account in
// its resource policy (see compiler/cdk/README.md); EventBridge forwards the event unchanged there.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { BusTarget } from '../../model/types';
import type { TargetBuilder } from './target-builder';

export const busTargetBuilder: TargetBuilder<BusTarget> = {
  kind: 'bus',
  build(target, ctx) {
    const arn = target.arn ?? ctx.system.names.busArn(target.bus ?? 'default').token;
    return {
      arn,
      roleStatements: [new PolicyStatement({ actions: ['events:PutEvents'], resources: [arn] })],
      transformsInput: target.account === null,
    };
  },
};
