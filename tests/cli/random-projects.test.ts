// Property test: random valid projects (tests/support/random-project.ts) compile without errors, their
// generated code type-checks, and they synthesize without cdk.json. CI runs a few fixed seeds;
// RANDOM_PROJECTS=N (and RANDOM_SEED) run more by hand.
import { readdirSync, symlinkSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/pipeline/compile';
import { synthesizeSystem } from '../../compiler/cdk/synthesize';
import { SynthError } from '../../compiler/cdk/errors';
import { placeholderCode } from '../cdk/support/system';
import { makeProject, removeProject } from '../support/project';
import { randomProject } from '../support/random-project';
import { PROJECT_ROOT, typeErrors } from '../emit/support/typecheck';

const roots: string[] = [];
/** A stack budget that splits most domains of these projects over several stacks. */
const SMALL_BUDGET = 20;
afterAll(() => roots.forEach(removeProject));

const first = Number(process.env.RANDOM_SEED ?? 1);
const seeds = Array.from({ length: Number(process.env.RANDOM_PROJECTS ?? 6) }, (_, i) => first + i);

describe('random valid projects', () => {
  it.each(seeds)('seed %i compiles without errors, type-checks and synthesizes', async (seed) => {
    const root = makeProject(randomProject(seed));
    roots.push(root);
    const outcome = await compileProject(root);
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(errors).toEqual([]);
    expect(outcome.stats.routes).toBeGreaterThan(0);
    // Every third seed: the generated code and handler stubs type-check (strict, the project's options).
    if (seed % 3 === 0) {
      symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'));
      const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /^(generated|handlers)\/.*\.ts$/.test(f.split(sep).join('/'))).map((f) => join(root, f));
      expect(files.length).toBeGreaterThan(0);
      expect(typeErrors(files).map((e) => `${e.file}: ${e.message}`)).toEqual([]);
    }
    // Every other seed also goes through the CDK app (the slow part), with no cdk.json context; some
    // with a small stack budget, so that domains are split over several stacks.
    if (seed % 2 === 0) {
      const budget = seed % 4 === 0 ? SMALL_BUDGET : undefined;
      const synth = synthesizeSystem({ projectRoot: root, outdir: join(root, 'cdk.out'), validate: false, code: placeholderCode, context: budget ? { 'eventroutes:stackBudget': budget } : {} });
      const report = await synth.catch((err: unknown) => {
        // Routes that share a resource stay in one stack: over the budget, synthesis says so.
        if (budget && err instanceof SynthError && /must be deployed in one stack/.test(err.message)) return undefined;
        throw err;
      });
      if (report) {
        expect(report.stacks.length).toBeGreaterThan(1);
        if (budget) for (const stack of report.stacks.slice(1)) expect(stack.resources, stack.stackName).toBeLessThanOrEqual(budget);
      }
    }
  });
});
