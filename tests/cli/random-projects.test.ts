// Property test: random valid projects (tests/support/random-project.ts) compile without errors and
// synthesize, without cdk.json. CI runs a few fixed seeds; RANDOM_PROJECTS=N (and RANDOM_SEED) run
// more by hand.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/pipeline/compile';
import { synthesizeSystem } from '../../compiler/cdk/synthesize';
import { placeholderCode } from '../cdk/support/system';
import { makeProject, removeProject } from '../support/project';
import { randomProject } from '../support/random-project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const first = Number(process.env.RANDOM_SEED ?? 1);
const seeds = Array.from({ length: Number(process.env.RANDOM_PROJECTS ?? 6) }, (_, i) => first + i);

describe('random valid projects', () => {
  it.each(seeds)('seed %i compiles without errors and synthesizes', async (seed) => {
    const root = makeProject(randomProject(seed));
    roots.push(root);
    const outcome = await compileProject(root);
    const errors = outcome.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(errors).toEqual([]);
    expect(outcome.stats.routes).toBeGreaterThan(0);
    // Every other seed also goes through the CDK app (the slow part), with no cdk.json context.
    if (seed % 2 === 0) {
      const report = await synthesizeSystem({ projectRoot: root, outdir: join(root, 'cdk.out'), validate: false, code: placeholderCode, context: {} });
      expect(report.stacks.length).toBeGreaterThan(1);
    }
  });
});
