// The full CloudFormation of the example system (routes/ -> generated/model.json), every stack, as a
// golden file: a change to the CDK app or to the example shows up as a reviewable diff. Function code
// is the fixed placeholder asset, so the file does not change when someone edits a handler. JSON that
// CloudFormation takes as a string (dashboard bodies, logs resource policies) is shown parsed, under
// "(rendered)", so that its diff is readable. UPDATE=1 npm test rewrites the file.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden } from '../../support/golden';
import { buildTestSystem, exampleModel, renderIntrinsics } from '../support/system';

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const JSON_STRING_PROPERTIES: Record<string, string> = { 'AWS::CloudWatch::Dashboard': 'DashboardBody', 'AWS::Logs::ResourcePolicy': 'PolicyDocument' };

function readable(template: Template): Template {
  for (const resource of Object.values(template.Resources)) {
    const property = JSON_STRING_PROPERTIES[resource.Type];
    if (property && resource.Properties?.[property] !== undefined) {
      resource.Properties[property] = { '(rendered)': JSON.parse(renderIntrinsics(resource.Properties[property])) };
    }
  }
  return template;
}

describe('example system', () => {
  it('synthesizes to the golden templates', () => {
    const system = buildTestSystem(exampleModel());
    const templates = Object.fromEntries(system.stacks.map((s) => [s.stackName, readable(system.template(s.stackName).toJSON() as Template)]));
    expectGolden(join(__dirname, 'example-system.json'), `${JSON.stringify(templates, null, 2)}\n`);
  });
});
