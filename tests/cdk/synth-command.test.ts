// `eventroutes synth` end to end, in-process, on a copy of the example project: compile, bundle the
// handlers, synthesize into cdk.out/ (offline, no credentials, no CDK CLI).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../compiler/cli/main';
import type { CliIO } from '../../compiler/cli/io';
import { exampleModel, REPO_ROOT } from './support/system';

const project = mkdtempSync(join(tmpdir(), 'eventroutes-cli-synth-'));
cpSync(join(REPO_ROOT, 'routes'), join(project, 'routes'), { recursive: true });
cpSync(join(REPO_ROOT, 'cdk.json'), join(project, 'cdk.json'));
symlinkSync(join(REPO_ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
for (const fn of exampleModel().functions) {
  mkdirSync(dirname(join(project, fn.entry)), { recursive: true });
  writeFileSync(join(project, fn.entry), 'export const handler = async (event: unknown): Promise<void> => {\n  console.log(JSON.stringify(event));\n};\n');
}
afterAll(() => rmSync(project, { recursive: true, force: true }));

function io(): CliIO & { out: string; err: string } {
  const captured = { out: '', err: '' };
  return Object.assign(captured, { cwd: project, isTTY: false, stdout: (t: string) => void (captured.out += t), stderr: (t: string) => void (captured.err += t) });
}

describe('eventroutes synth', () => {
  it('compiles, then writes every stack template into cdk.out/', async () => {
    const run = io();
    expect(await main(['synth'], run), run.err).toBe(0);
    expect(run.out).toMatch(/synthesized \d+ stacks, \d+ resources into cdk.out\/ \(CloudFormation validation off\)/);
    expect(run.out).toContain('acme-shop-core');
    const files = readdirSync(join(project, 'cdk.out'));
    expect(files).toContain('acme-shop-core.template.json');
    expect(files.filter((f) => f.startsWith('asset.')).length).toBeGreaterThan(0);
    expect(existsSync(join(project, 'generated', 'model.json'))).toBe(true);
  });

  it('writes where the CDK CLI asks and reports on stderr when the CLI runs it', async () => {
    const outdir = join(project, 'cli.out');
    process.env.CDK_OUTDIR = outdir;
    try {
      const run = io();
      expect(await main(['synth', '--no-compile', '--validate'], run), run.err).toBe(0);
      expect(run.out).toBe('');
      expect(run.err).toContain('(CloudFormation validation on)');
      expect(readdirSync(outdir)).toContain('manifest.json');
    } finally {
      delete process.env.CDK_OUTDIR;
    }
  });

  it('rejects unknown options with exit code 2', async () => {
    const run = io();
    expect(await main(['synth', '--fast'], run)).toBe(2);
    expect(run.err).toContain('unknown option --fast');
  });
});
