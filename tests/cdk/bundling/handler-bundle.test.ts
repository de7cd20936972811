// One esbuild call bundles every handler (and the email sender) into its own asset folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFunctions, EMAIL_SENDER_BUNDLE, esbuildTarget } from '../../../compiler/cdk/bundling/handler-bundle';
import { SynthError } from '../../../compiler/cdk/errors';
import { ModelBuilder } from '../support/models';
import { REPO_ROOT } from '../support/system';

const root = mkdtempSync(join(tmpdir(), 'eventroutes-bundle-'));
symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function handler(path: string, source: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), source);
}

describe('bundleFunctions', () => {
  const model = new ModelBuilder()
    .route('a', { targets: [{ kind: 'lambda', function: 'orders/score' }] })
    .route('b', { targets: [{ kind: 'lambda', function: 'reports/daily' }, { kind: 'email', from: 'a@x.example', identity: 'x.example', to: ['b@x.example'], cc: [], subject: 'S {{detail.id}}', body: 'B' }] })
    .build();
  handler('handlers/orders/score.ts', "import { helper } from '../shared/helper';\nimport { EventBridgeClient } from '@aws-sdk/client-eventbridge';\nexport const handler = async (e: unknown) => helper(e, EventBridgeClient.name);\n");
  handler('handlers/shared/helper.ts', 'export function helper(e: unknown, n: string): string { return `${n}:${JSON.stringify(e)}`; }\n');
  handler('handlers/reports/daily.ts', 'export async function handler() { return 42; }\n');

  it('writes index.js per function and for the email sender, leaving out the AWS SDK', async () => {
    const outDir = join(root, 'out');
    const code = await bundleFunctions({ projectRoot: root, model, outDir });
    for (const folder of ['OrdersScore', 'ReportsDaily', EMAIL_SENDER_BUNDLE]) expect(existsSync(join(outDir, folder, 'index.js'))).toBe(true);
    const score = readFileSync(join(outDir, 'OrdersScore', 'index.js'), 'utf8');
    expect(score).toContain('function helper(');
    expect(score).toContain('require("@aws-sdk/client-eventbridge")');
    expect(score).not.toContain(root);
    const sender = readFileSync(join(outDir, EMAIL_SENDER_BUNDLE, 'index.js'), 'utf8');
    expect(sender).toContain('require("@aws-sdk/client-sesv2")');
    expect(sender.length).toBeGreaterThan(10_000); // Handlebars is bundled
    const loaded = require(join(outDir, 'ReportsDaily', 'index.js')) as { handler: () => Promise<number> };
    await expect(loaded.handler()).resolves.toBe(42);
    expect(code.handler(model.functions[0])).toBeDefined();
  });

  it('bundles byte for byte the same twice', async () => {
    await bundleFunctions({ projectRoot: root, model, outDir: join(root, 'one') });
    await bundleFunctions({ projectRoot: root, model, outDir: join(root, 'two') });
    expect(readFileSync(join(root, 'one', 'OrdersScore', 'index.js'))).toEqual(readFileSync(join(root, 'two', 'OrdersScore', 'index.js')));
  });

  it('reuses the bundles while no input changed, and rebuilds when one does', async () => {
    const outDir = join(root, 'cached');
    await bundleFunctions({ projectRoot: root, model, outDir });
    const bundle = join(outDir, 'OrdersScore', 'index.js');
    const first = statSync(bundle).mtimeMs;
    await bundleFunctions({ projectRoot: root, model, outDir });
    expect(statSync(bundle).mtimeMs).toBe(first);
    handler('handlers/shared/helper.ts', 'export function helper(e: unknown, n: string): string { return `changed ${n}:${JSON.stringify(e)}`; }\n');
    await bundleFunctions({ projectRoot: root, model, outDir });
    expect(readFileSync(bundle, 'utf8')).toContain('changed ');
  });

  it('names every missing handler file', async () => {
    const missing = new ModelBuilder().route('c', { targets: [{ kind: 'lambda', function: 'nope/one' }, { kind: 'lambda', function: 'nope/two' }] }).build();
    await expect(bundleFunctions({ projectRoot: root, model: missing, outDir: join(root, 'x') })).rejects.toThrow(/2 handler files do not exist: handlers\/nope\/one.ts, handlers\/nope\/two.ts/);
  });

  it('reports bundling errors with their location', async () => {
    handler('handlers/broken/fn.ts', "import { nothing } from './missing';\nexport const handler = nothing;\n");
    const broken = new ModelBuilder().route('d', { targets: [{ kind: 'lambda', function: 'broken/fn' }] }).build();
    const attempt = bundleFunctions({ projectRoot: root, model: broken, outDir: join(root, 'y') });
    await expect(attempt).rejects.toThrow(SynthError);
    await expect(bundleFunctions({ projectRoot: root, model: broken, outDir: join(root, 'y') })).rejects.toThrow(/handlers\/broken\/fn.ts:1:\d+: Could not resolve "\.\/missing"/);
  });

  it.each([
    ['nodejs22.x', 'node22'],
    ['nodejs24.x', 'node24'],
  ])('targets %s as %s', (runtime, target) => {
    expect(esbuildTarget(runtime)).toBe(target);
  });

  it('refuses a runtime that is not Node.js', () => {
    expect(() => esbuildTarget('python3.13')).toThrow(SynthError);
  });
});
