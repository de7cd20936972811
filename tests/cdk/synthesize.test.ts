// The cloud assembly as `eventroutes synth` writes it, checked with aws-cdk-lib's built-in
// CloudFormation validation (@aws/cloudformation-validate, turned on with the App's
// builtinCloudFormationValidation) in strict mode: any finding, even a warning, fails synthesis.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appContext, BUNDLE_DIR, checkStackLimits, readModel, REQUIRED_FEATURE_FLAGS, synthesizeSystem } from '../../compiler/cdk/synthesize';
import { SynthError } from '../../compiler/cdk/errors';
import { MODEL_VERSION } from '../../compiler/model/types';
import { LOCK_FILE } from '../../compiler/pipeline/write-lock';
import { ModelBuilder } from './support/models';
import { cdkContext, exampleModel, placeholderCode, REPO_ROOT } from './support/system';
import { largeModel } from './support/large-model';
import { everyFeature } from './support/every-feature';

const STRICT = { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true };
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'eventroutes-synth-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('synthesizeSystem', () => {
  it('writes templates of the example system that pass CloudFormation validation', async () => {
    const outdir = tempDir();
    const report = await synthesizeSystem({ projectRoot: REPO_ROOT, outdir, validate: true, model: exampleModel(), code: placeholderCode, context: { ...cdkContext(), ...STRICT } });
    expect(report.stacks.map((s) => s.stackName)[0]).toBe('acme-shop-core');
    const validation = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as { pluginReports: { violations?: unknown[] }[] };
    expect(validation.pluginReports.flatMap((r) => r.violations ?? [])).toEqual([]);
  });

  it('passes validation for a split system with every target kind', async () => {
    const model = largeModel(120, 1, (b) =>
      b
        .topic('alerts')
        .queue('inbox')
        .logGroup('audit')
        .apiDestination('erp')
        .table('orders', { stream: { bus: 'main', source: 'com.example.table', detailType: 'Changed' } })
        .bucket('raw', { eventBridge: true, versioned: true, expireAfterDays: 7 })
        .route('all-kinds', {
          bus: 'main',
          file: 'routes/kinds.yaml',
          targets: [
            { kind: 'sns', topic: 'alerts' },
            { kind: 'sqs', queue: 'inbox', messageGroupId: null },
            { kind: 'logs', logGroup: 'audit' },
            { kind: 'apiDestination', destination: 'erp' },
            { kind: 'email', from: 'a@example.com', identity: 'example.com', to: ['b@example.com'], cc: [], subject: 's', body: 'b' },
          ],
        })
        .route('forward', {
          bus: 'main',
          file: 'routes/kinds.yaml',
          targets: [
            { kind: 'bus', bus: null, arn: 'arn:aws:events:eu-west-1:111122223333:event-bus/partner', account: '111122223333' },
            { kind: 'stepFunctions', stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:flow' },
          ],
        })
        .consumer('inbox', 'inbox/consume'),
    );
    const report = await synthesizeSystem({ projectRoot: REPO_ROOT, outdir: tempDir(), validate: true, model, code: placeholderCode, context: { ...cdkContext(), ...STRICT }, overrides: { stackBudget: 200 } });
    expect(report.stacks.length).toBeGreaterThan(3);
  });

  it('passes validation for a system using every feature', async () => {
    await synthesizeSystem({ projectRoot: REPO_ROOT, outdir: tempDir(), validate: true, model: everyFeature(), code: placeholderCode, context: { ...cdkContext(), ...STRICT } });
  });

  it('fails on a template CloudFormation would reject (the validation is really on)', async () => {
    const model = new ModelBuilder().bus('bad name').build();
    await expect(synthesizeSystem({ projectRoot: REPO_ROOT, outdir: tempDir(), validate: true, model, code: placeholderCode, context: { ...cdkContext(), ...STRICT } })).rejects.toThrow(/'bad name' does not match pattern .*CloudFormation Validate/s);
  });

  it('explains a missing or outdated model', () => {
    const root = tempDir();
    expect(() => readModel(root)).toThrow(/run `eventroutes compile` first/);
    mkdirSync(join(root, 'generated'));
    writeFileSync(join(root, 'generated', 'model.json'), JSON.stringify({ version: 99 }));
    expect(() => readModel(root)).toThrow(SynthError);
  });

  it.each([
    ['truncated', (text: string) => text.slice(0, 100), /is damaged: it is not valid JSON/],
    ['not an object', () => '[]', /is damaged: it is not a JSON object/],
    ['without its routes', (text: string) => JSON.stringify({ ...JSON.parse(text), routes: undefined }), /is damaged: "routes" missing or of the wrong type/],
    ['with a project of the wrong type', (text: string) => JSON.stringify({ ...JSON.parse(text), project: 5 }), /is damaged: "project" missing/],
  ])('explains a model.json edited by hand: %s', (_name, edit, message) => {
    const root = tempDir();
    mkdirSync(join(root, 'generated'));
    writeFileSync(join(root, 'generated', 'model.json'), edit(JSON.stringify(exampleModel())));
    expect(() => readModel(root)).toThrow(SynthError);
    expect(() => readModel(root)).toThrow(message);
  });

  it('reads the model a running compile is writing once the write is done (under the write lock)', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'generated'));
    const next = join(root, 'model.json.next');
    writeFileSync(next, JSON.stringify(exampleModel()));
    // A compile holding the lock, with model.json not in place yet (between its two renames).
    const writer = spawn(process.execPath, ['-e', `
      const { renameSync, rmSync, writeFileSync } = require('node:fs');
      writeFileSync(${JSON.stringify(join(root, LOCK_FILE))}, process.pid + '\\n', { flag: 'wx' });
      setTimeout(() => {
        renameSync(${JSON.stringify(next)}, ${JSON.stringify(join(root, 'generated', 'model.json'))});
        rmSync(${JSON.stringify(join(root, LOCK_FILE))});
      }, 300);`]);
    try {
      while (!existsSync(join(root, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(readModel(root).version).toBe(MODEL_VERSION);
      expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    } finally {
      await new Promise((resolve) => (writer.exitCode === null ? writer.once('exit', resolve) : resolve(null)));
    }
  });

  it('bundles the handlers from the same compile as the model, even while another compile waits to write', async () => {
    const root = tempDir();
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    const model = new ModelBuilder().route('a', { targets: [{ kind: 'lambda', function: 'orders/score' }] }).build();
    mkdirSync(join(root, 'generated'));
    mkdirSync(join(root, 'handlers/orders'), { recursive: true });
    writeFileSync(join(root, 'generated/model.json'), JSON.stringify(model));
    writeFileSync(join(root, 'generated/mark.ts'), "export const MARK = 'from-the-first-compile';\n");
    writeFileSync(join(root, 'handlers/orders/score.ts'), "import { MARK } from '../../generated/mark';\nexport const handler = async () => MARK;\n");
    // Another compile: as soon as synth has taken the lock, it waits for it, then writes generated/ again.
    const lock = join(root, LOCK_FILE);
    const writer = spawn(process.execPath, ['-e', `
      const { existsSync, rmSync, writeFileSync } = require('node:fs');
      const wait = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      const until = Date.now() + 20000;
      process.stdout.write('ready\\n');
      while (!existsSync(${JSON.stringify(lock)})) { wait(); if (Date.now() > until) process.exit(2); }
      for (;;) {
        try { writeFileSync(${JSON.stringify(lock)}, process.pid + '\\n', { flag: 'wx' }); break; } catch { wait(); }
      }
      writeFileSync(${JSON.stringify(join(root, 'generated/mark.ts'))}, "export const MARK = 'from-the-next-compile';\\n");
      rmSync(${JSON.stringify(lock)});`]);
    await new Promise((resolve) => writer.stdout.once('data', resolve));
    try {
      await synthesizeSystem({ projectRoot: root, outdir: tempDir(), validate: false, context: cdkContext() });
      const bundle = readFileSync(join(root, BUNDLE_DIR, 'OrdersScore', 'index.js'), 'utf8');
      expect(bundle).toContain('from-the-first-compile');
    } finally {
      await new Promise((resolve) => (writer.exitCode === null ? writer.once('exit', resolve) : resolve(null)));
    }
    expect(writer.exitCode).toBe(0);
    expect(readFileSync(join(root, 'generated/mark.ts'), 'utf8')).toContain('from-the-next-compile');
  });

  it("checks CloudFormation's limits per stack", () => {
    expect(() => checkStackLimits([{ stackName: 's', resources: 501, templateBytes: 10, templateFile: 'x' }])).toThrow(/at most 500 resources/);
    expect(() => checkStackLimits([{ stackName: 's', resources: 5, templateBytes: 1_000_001, templateFile: 'x' }])).toThrow(SynthError);
    expect(() => checkStackLimits([{ stackName: 's', resources: 500, templateBytes: 1_000_000, templateFile: 'x' }])).not.toThrow();
  });

  // A project without cdk.json (or whose cdk.json lacks a flag) gets aws-cdk-lib's old defaults; found
  // by a random-project fuzz: buckets' access logs then failed synthesis with an internal error.
  it('synthesizes a system with buckets without any cdk.json context', async () => {
    const model = new ModelBuilder().bus('main').bucket('raw', { eventBridge: true, versioned: false, expireAfterDays: 30 }).build();
    const report = await synthesizeSystem({ projectRoot: REPO_ROOT, outdir: tempDir(), validate: false, model, code: placeholderCode, context: {} });
    const core = JSON.parse(readFileSync(report.stacks[0]!.templateFile, 'utf8')) as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
    const logBuckets = Object.values(core.Resources).filter((r) => r.Type === 'AWS::S3::Bucket' && r.Properties?.AccessControl !== undefined);
    expect(logBuckets).toEqual([]);
    expect(Object.values(core.Resources).some((r) => r.Type === 'AWS::S3::BucketPolicy' && JSON.stringify(r.Properties).includes('logging.s3.amazonaws.com'))).toBe(true);
  });

  it('keeps the feature flags the stacks need, and says so when cdk.json turns one off', () => {
    expect(appContext({})).toMatchObject(REQUIRED_FEATURE_FLAGS);
    expect(appContext({ 'eventroutes:stackBudget': 10 })).toMatchObject({ 'eventroutes:stackBudget': 10, ...REQUIRED_FEATURE_FLAGS });
    const [flag] = Object.keys(REQUIRED_FEATURE_FLAGS);
    expect(() => appContext({ [flag!]: false })).toThrow(SynthError);
    expect(() => appContext({ [flag!]: false })).toThrow(/remove it from cdk.json's context/);
  });
});
