// Builds the system for tests: the example model (generated/model.json) or a model from the
// builders in ./models.ts, with a fixed placeholder asset as every function's code.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { RouteModel } from '../../../compiler/model/types';
import { resolveOptions, type FunctionCode, type SystemOptions } from '../../../compiler/cdk/options';
import { buildSystem, type BuiltSystem } from '../../../compiler/cdk/system';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const PLACEHOLDER_CODE_DIR = join(__dirname, '..', 'fixtures', 'placeholder-handler');

export const placeholderCode: FunctionCode = {
  handler: () => Code.fromAsset(PLACEHOLDER_CODE_DIR),
  emailSender: () => Code.fromAsset(PLACEHOLDER_CODE_DIR),
};

export function exampleModel(): RouteModel {
  const model = JSON.parse(readFileSync(join(REPO_ROOT, 'generated', 'model.json'), 'utf8')) as RouteModel & { $comment?: string };
  delete model.$comment;
  return model;
}

/** cdk.json's context: the same feature flags as `eventroutes synth` and `cdk deploy`. */
export function cdkContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

export interface TestSystem extends BuiltSystem {
  app: App;
  /** Every stack: core first, then the route stacks in plan order. */
  stacks: Stack[];
  stack(name: string): Stack;
  template(name: string): Template;
}

export function buildTestSystem(model: RouteModel, overrides: Partial<Omit<SystemOptions, 'code'>> = {}, appOptions: { validate?: boolean; context?: Record<string, unknown> } = {}): TestSystem {
  const app = new App({
    context: { ...cdkContext(), ...appOptions.context },
    autoSynth: false,
    builtinCloudFormationValidation: appOptions.validate ?? false,
    treeMetadata: false,
    analyticsReporting: false,
    stackTraces: false,
  });
  const system = buildSystem(app, model, resolveOptions(placeholderCode, (k) => app.node.tryGetContext(k), overrides));
  const stacks = [system.core, ...system.schemaStacks, ...system.routeStacks];
  const templates = new Map<string, Template>();
  const stack = (name: string): Stack => {
    const found = stacks.find((s) => s.stackName === name);
    if (!found) throw new Error(`no stack ${name}; stacks: ${stacks.map((s) => s.stackName).join(', ')}`);
    return found;
  };
  return {
    ...system,
    app,
    stacks,
    stack,
    template(name) {
      let t = templates.get(name);
      if (!t) {
        t = Template.fromStack(stack(name));
        templates.set(name, t);
      }
      return t;
    },
  };
}

/** Resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Record<string, unknown>; DependsOn?: string[] }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown>; DependsOn?: string[] }>;
}

/**
 * Renders a value built with Fn::Join / Fn::Sub / Ref / Fn::GetAtt as text with ${...} placeholders,
 * e.g. a JSON policy document that CDK wrote as Fn::Join, so that tests can parse it.
 */
export function renderIntrinsics(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null) {
    const v = value as Record<string, unknown>;
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map(renderIntrinsics).join(sep);
    }
    if ('Fn::Sub' in v) return v['Fn::Sub'] as string;
    if ('Ref' in v) return `\${${String(v.Ref)}}`;
    if ('Fn::GetAtt' in v) return `\${${(v['Fn::GetAtt'] as string[]).join('.')}}`;
  }
  throw new Error(`cannot render ${JSON.stringify(value)}`);
}
