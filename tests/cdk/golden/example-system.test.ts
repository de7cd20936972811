// The full CloudFormation of the example system (routes/ -> generated/model.json), every stack, as a
// golden file: a change to the CDK app or to the example shows up as a reviewable diff. Function code
// is the fixed placeholder asset, so the file does not change when someone edits a handler.
// UPDATE=1 npm test rewrites it.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../../support/golden';
import { buildTestSystem, exampleModel } from '../support/system';

describe('example system', () => {
  it('synthesizes to the golden templates', () => {
    const system = buildTestSystem(exampleModel());
    const templates = Object.fromEntries(system.stacks.map((s) => [s.stackName, system.template(s.stackName).toJSON()]));
    expectGolden(join(__dirname, 'example-system.json'), `${JSON.stringify(templates, null, 2)}\n`);
  });
});
