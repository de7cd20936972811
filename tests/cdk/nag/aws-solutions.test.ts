// cdk-nag's AwsSolutions pack on the example system: no unacknowledged error. Every acknowledgement
// is made in compiler/cdk with its reason (compiler/cdk/nag/acknowledge.ts lists them).
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { everyFeature } from '../support/every-feature';
import { buildTestSystem, exampleModel } from '../support/system';

describe.each([
  ['the example system', exampleModel],
  ['a system using every feature', everyFeature],
])('AwsSolutions checks on %s', (_name, model) => {
  const system = buildTestSystem(model());
  system.app.synth();
  const report = new AwsSolutionsChecks(system.app).validateScope(system.app);
  const describeViolations = (severity: string): string[] =>
    report.violations.filter((v) => v.severity === severity).map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);

  it('reports no unacknowledged errors', () => {
    expect(describeViolations('error')).toEqual([]);
  });

  it('reports no unacknowledged warnings', () => {
    expect(describeViolations('warning')).toEqual([]);
  });
});
