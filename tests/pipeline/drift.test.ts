// The committed generated/ folder is what `compile` makes of routes/ (no drift), and every handler
// stub compile would create already exists.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../compiler/emit';
import { runCheck } from '../../compiler/pipeline/check';
import { planGenerated } from '../../compiler/pipeline/write-output';

const root = join(__dirname, '../..');

describe('the example system', () => {
  it('compiles without errors and generated/ is up to date (run `npm run compile` and commit)', async () => {
    const check = await runCheck(root);
    expect(check.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    const files = await emitAll(check.model, {});
    const plan = planGenerated(root, files);
    expect({ changed: plan.changed, removed: plan.removed }).toEqual({ changed: [], removed: [] });
    const missing = files.filter((f) => f.ownership === 'once' && !existsSync(join(root, f.path))).map((f) => f.path);
    expect(missing).toEqual([]);
  });
});
