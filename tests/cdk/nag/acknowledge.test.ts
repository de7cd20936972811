// The acknowledgement ids built in compiler/cdk/nag/acknowledge.ts are the ids cdk-nag reports: a
// wildcard resource left unacknowledged is reported under exactly the id the helper computes.
import { App, Stack } from 'aws-cdk-lib';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { acknowledgeWildcardResource, NAG_REASONS } from '../../../compiler/cdk/nag/acknowledge';
import { nagResource, sub } from '../../../compiler/cdk/naming/system-names';

function roleWith(resource: ReturnType<typeof sub>, acknowledged: boolean): string[] {
  const app = new App();
  const stack = new Stack(app, 'S');
  const role = new Role(stack, 'R', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    inlinePolicies: { p: new PolicyDocument({ statements: [new PolicyStatement({ actions: ['s3:GetObject'], resources: [resource.token] })] }) },
  });
  if (acknowledged) acknowledgeWildcardResource(role, resource.template, 'bucketObjects');
  app.synth();
  return new AwsSolutionsChecks(app).validateScope(app).violations.map((v) => v.ruleName);
}

describe('cdk-nag acknowledgements', () => {
  const objects = sub('arn:${AWS::Partition}:s3:::bucket-${AWS::AccountId}/*');

  it('computes the finding id cdk-nag reports', () => {
    expect(roleWith(objects, false)).toContain(`AwsSolutions-IAM5[Resource::${nagResource(objects.template)}]`);
  });

  it('suppresses exactly that finding', () => {
    expect(roleWith(objects, true)).toEqual([]);
  });

  it('gives every acknowledgement a reason', () => {
    for (const reason of Object.values(NAG_REASONS)) expect(reason.length).toBeGreaterThan(40);
  });
});
