// Synthesizes the system into a cloud assembly (cdk.out/): reads generated/model.json, bundles the
// handlers, builds the stacks and writes their templates, then checks CloudFormation's per-stack limits.
// Used by `eventroutes synth` (run directly with node, no CDK CLI) and by cdk.json's app command.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { App } from 'aws-cdk-lib';
import { MODEL_VERSION, type RouteModel } from '../model/types';
import { lockGenerated } from '../pipeline/write-lock';
import { bundleFunctions } from './bundling/handler-bundle';
import { SynthError } from './errors';
import { resolveOptions, type FunctionCode, type SystemOptions } from './options';
import { CFN_MAX_RESOURCES } from './plan/stacks';
import { buildSystem } from './system';

/** CloudFormation's limit on a template uploaded through S3 (the CDK CLI uploads large templates). */
export const CFN_MAX_TEMPLATE_BYTES = 1_000_000;
export const MODEL_PATH = 'generated/model.json';
/** Where the handler bundles go (git-ignored). */
export const BUNDLE_DIR = '.eventroutes-cache/bundles';

/**
 * Context that keeps synthesis fast: no creation stack trace on every construct (aws-cdk-lib captures
 * and parses one per construct otherwise; CDK_DEBUG=true brings them back).
 */
export const SPEED_CONTEXT = { 'aws:cdk:disable-creation-stack-traces': true } as const;

/**
 * aws-cdk-lib feature flags the stacks are built for, whatever cdk.json says (a project without
 * cdk.json gets aws-cdk-lib's old defaults): S3 server access logs are granted by a bucket policy
 * (the old way sets an ACL, which buckets with BucketOwnerEnforced ownership refuse).
 */
export const REQUIRED_FEATURE_FLAGS: Readonly<Record<string, unknown>> = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
};

/** The app's context: the required flags, over cdk.json's context (which may not turn them off). */
export function appContext(context: Record<string, unknown>): Record<string, unknown> {
  for (const [flag, value] of Object.entries(REQUIRED_FEATURE_FLAGS)) {
    if (context[flag] !== undefined && context[flag] !== value) {
      throw new SynthError({
        what: `cdk.json sets the feature flag ${flag} to ${JSON.stringify(context[flag])}`,
        allowed: `eventroutes' stacks are built for ${JSON.stringify(value)}`,
        fix: `remove it from cdk.json's context, or set it to ${JSON.stringify(value)}`,
      });
    }
  }
  return { ...SPEED_CONTEXT, ...REQUIRED_FEATURE_FLAGS, ...context };
}

export interface SynthesizeOptions {
  projectRoot: string;
  outdir: string;
  /** Run aws-cdk-lib's built-in CloudFormation validation of the templates. */
  validate: boolean;
  /** CDK context (feature flags, eventroutes:* options); by default cdk.json's. */
  context?: Record<string, unknown>;
  /** The model; by default generated/model.json. */
  model?: RouteModel;
  /** Function code; by default the handlers bundled with esbuild. */
  code?: FunctionCode;
  overrides?: Partial<Omit<SystemOptions, 'code'>>;
}

export interface StackReport {
  stackName: string;
  resources: number;
  templateBytes: number;
  templateFile: string;
}

export interface SynthesisReport {
  outdir: string;
  stacks: StackReport[];
  millis: { bundle: number; build: number; synth: number };
}

/**
 * generated/model.json, read under the project's write lock (pipeline/write-lock.ts): never in the
 * middle of a write of generated/ by a compile running at the same time (`compile --watch`).
 * `locked`: the caller holds the lock already.
 */
export function readModel(projectRoot: string, locked = false): RouteModel {
  const path = join(projectRoot, MODEL_PATH);
  const release = locked ? undefined : lockGenerated(projectRoot);
  let text: string | undefined;
  try {
    if (existsSync(path)) text = readFileSync(path, 'utf8');
  } finally {
    release?.();
  }
  if (text === undefined) {
    throw new SynthError({ what: `${MODEL_PATH} does not exist`, allowed: 'the CDK app reads the compiled model, never the route files', fix: 'run `eventroutes compile` first' });
  }
  const damaged = (what: string): SynthError => new SynthError({ what: `${MODEL_PATH} is damaged: ${what}`, allowed: 'the model exactly as `eventroutes compile` writes it (the file says: do not edit)', fix: 'run `eventroutes compile` to write it again (or restore it from git)' });
  let model: RouteModel & { $comment?: string };
  try {
    model = JSON.parse(text) as RouteModel & { $comment?: string };
  } catch (err) {
    throw damaged(`it is not valid JSON (${(err as Error).message})`);
  }
  if (typeof model !== 'object' || model === null || Array.isArray(model)) throw damaged('it is not a JSON object');
  if (model.version !== MODEL_VERSION) {
    throw new SynthError({ what: `${MODEL_PATH} has model version ${String(model.version)}`, allowed: `this eventroutes reads version ${MODEL_VERSION}`, fix: 'run `eventroutes compile` to rewrite it' });
  }
  const lists = ['buses', 'eventTypes', 'routes', 'functions', 'topics', 'queues', 'logGroups', 'apiDestinations', 'tables', 'buckets'] as const;
  const bad = [...lists.filter((key) => !Array.isArray(model[key])), ...(typeof model.project === 'string' ? [] : ['project']), ...(typeof model.defaults === 'object' && model.defaults !== null ? [] : ['defaults'])];
  if (bad.length > 0) throw damaged(`${bad.map((k) => `"${k}"`).join(', ')} missing or of the wrong type`);
  delete model.$comment;
  return model;
}

/** cdk.json's context: the feature flags and eventroutes options shared with the CDK CLI. */
export function readCdkContext(projectRoot: string): Record<string, unknown> {
  const path = join(projectRoot, 'cdk.json');
  if (!existsSync(path)) return {};
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new SynthError({ what: 'cdk.json cannot be read as JSON', value: (err as Error).message, allowed: 'a JSON object such as {"app": "...", "context": {...}}', fix: 'correct cdk.json (a missing comma, quote or brace), or restore it from git' });
  }
  if (!isObject(config) || (config.context !== undefined && !isObject(config.context))) {
    throw new SynthError({ what: `cdk.json ${isObject(config) ? 'has a "context" that is not an object' : 'is not a JSON object'}`, allowed: 'a JSON object such as {"app": "...", "context": {...}}', fix: 'correct cdk.json, or restore it from git' });
  }
  return config.context ?? {};
}

/**
 * aws-cdk-lib's refusal of a stack over CloudFormation's resource limit (it stops synthesis), as a
 * SynthError; undefined for any other error.
 */
export function tooManyResources(err: unknown): SynthError | undefined {
  const found = err instanceof Error ? /Number of resources in stack '([^']+)': (\d+) is greater than allowed maximum of (\d+)(?::\s*(.*))?/s.exec(err.message) : null;
  if (!found) return undefined;
  const [, stack, count, max, byType] = found;
  return new SynthError({
    what: `stack ${stack} would have ${count} CloudFormation resources`,
    value: byType?.trim() || undefined,
    allowed: `at most ${max} resources per stack`,
    fix: stack!.endsWith('-core')
      ? 'the core stack holds what routes share (buses, topics, inbox queues, log groups, tables, buckets): declare fewer of them per project, or split the project'
      : 'lower the stack budget (cdk.json context "eventroutes:stackBudget") so that routes are split over more stacks',
  });
}

/** Checks CloudFormation's per-stack limits on the synthesized templates. */
export function checkStackLimits(stacks: StackReport[]): void {
  for (const s of stacks) {
    if (s.resources > CFN_MAX_RESOURCES || s.templateBytes > CFN_MAX_TEMPLATE_BYTES) {
      throw new SynthError({
        what: `stack ${s.stackName} is too large for CloudFormation`,
        value: `${s.resources} resources, ${s.templateBytes} bytes`,
        allowed: `at most ${CFN_MAX_RESOURCES} resources and ${CFN_MAX_TEMPLATE_BYTES} bytes per template`,
        fix: 'lower the stack budget (cdk.json context "eventroutes:stackBudget") so that routes are split over more stacks',
      });
    }
  }
}

export async function synthesizeSystem(options: SynthesizeOptions): Promise<SynthesisReport> {
  const t0 = performance.now();
  // The model and the generated code its handlers import are read under the write lock, together: both
  // come from one compile, even while `compile --watch` writes generated/ again.
  const release = options.model && options.code ? undefined : lockGenerated(options.projectRoot);
  let model: RouteModel;
  let code: FunctionCode;
  try {
    model = options.model ?? readModel(options.projectRoot, true);
    code = options.code ?? (await bundleFunctions({ projectRoot: options.projectRoot, model, outDir: join(options.projectRoot, BUNDLE_DIR) }));
  } finally {
    release?.();
  }
  const t1 = performance.now();
  const context = appContext(options.context ?? readCdkContext(options.projectRoot));
  const app = new App({
    outdir: options.outdir,
    context,
    autoSynth: false,
    builtinCloudFormationValidation: options.validate,
    treeMetadata: false,
    analyticsReporting: false,
    stackTraces: false,
  });
  const system = buildSystem(app, model, resolveOptions(code, (key) => app.node.tryGetContext(key), options.overrides));
  const t2 = performance.now();
  let assembly: ReturnType<App['synth']>;
  try {
    assembly = app.synth();
  } catch (err) {
    throw tooManyResources(err) ?? err;
  }
  const t3 = performance.now();
  const stacks = [system.core, ...system.schemaStacks, ...system.routeStacks].map((stack): StackReport => {
    const artifact = assembly.getStackByName(stack.stackName);
    return {
      stackName: stack.stackName,
      resources: Object.keys((artifact.template as { Resources?: object }).Resources ?? {}).length,
      templateBytes: statSync(artifact.templateFullPath).size,
      templateFile: artifact.templateFullPath,
    };
  });
  checkStackLimits(stacks);
  return { outdir: assembly.directory, stacks, millis: { bundle: t1 - t0, build: t2 - t1, synth: t3 - t2 } };
}
