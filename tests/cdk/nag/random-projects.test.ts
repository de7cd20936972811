// cdk-nag's AwsSolutions pack on random valid projects (tests/support/random-project.ts): no
// unacknowledged finding, whatever the combination of features. RANDOM_PROJECTS=N (and RANDOM_SEED)
// check more by hand.
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { compileProject } from '../../../compiler/pipeline/compile';
import { readModel } from '../../../compiler/cdk/synthesize';
import { buildTestSystem } from '../support/system';
import { makeProject, removeProject } from '../../support/project';
import { randomProject } from '../../support/random-project';

// Other seeds than the compile-and-synth test's (tests/cli/random-projects.test.ts).
const first = Number(process.env.RANDOM_SEED ?? 101);
const seeds = Array.from({ length: Number(process.env.RANDOM_PROJECTS ?? 4) }, (_, i) => first + i);
describe('AwsSolutions checks on random projects', () => {
  it.each(seeds)('seed %i: no unacknowledged error or warning', async (seed) => {
    const root = makeProject(randomProject(seed));
    try {
      const outcome = await compileProject(root);
      expect(outcome.errorCount).toBe(0);
      const system = buildTestSystem(readModel(root));
      system.app.synth();
      const report = new AwsSolutionsChecks(system.app).validateScope(system.app);
      const found = report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).slice(0, 2).join(', ')}`);
      expect(found).toEqual([]);
    } finally {
      removeProject(root);
    }
  });
});
