// cdk-nag's AwsSolutions pack on the example system: no unacknowledged error. Every acknowledgement
// is made in compiler/cdk with its reason (compiler/cdk/nag/acknowledge.ts lists them).
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { everyFeature } from '../support/every-feature';
import { largeModel } from '../support/large-model';
import { buildTestSystem, exampleModel } from '../support/system';

/** 30 routes in 2 files, and 500 event types: their schemas do not fit in the core stack. */
function manyEventTypes() {
  return largeModel(30, 2, (b) => {
    for (let i = 0; i < 500; i++) b.eventType(`Event${i}Happened`);
    return b;
  });
}

describe.each([
  ['the example system', exampleModel],
  ['a system using every feature', everyFeature],
  ['a system whose schemas need stacks of their own', manyEventTypes],
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

it('checks schema stacks in the last case (its schemas do not fit in the core stack)', () => {
  expect(buildTestSystem(manyEventTypes()).schemaStacks.length).toBeGreaterThan(0);
});
