// Golden fixtures: each tests/fixtures/valid/<case>/routes compiles without diagnostics to the model
// in tests/fixtures/valid/<case>/model.json (UPDATE=1 rewrites it), and compiling twice gives
// byte-identical output.
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/pipeline/compile';
import { makeProject, removeProject } from '../support/project';
import { expectGolden } from '../support/golden';

const fixtures = join(__dirname, '../fixtures/valid');
const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

async function compileCopy(name: string): Promise<{ root: string; errors: string[] }> {
  const root = makeProject({});
  roots.push(root);
  rmSync(join(root, 'routes'), { recursive: true, force: true });
  cpSync(join(fixtures, name, 'routes'), join(root, 'routes'), { recursive: true });
  const outcome = await compileProject(root);
  return { root, errors: outcome.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`) };
}

describe('valid fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(`${name} compiles to its golden model`, async () => {
      const first = await compileCopy(name);
      expect(first.errors).toEqual([]);
      const model = readFileSync(join(first.root, 'generated/model.json'), 'utf8');
      expectGolden(join(fixtures, name, 'model.json'), model);
      const second = await compileCopy(name);
      expect(readFileSync(join(second.root, 'generated/model.json'), 'utf8')).toBe(model);
    });
  }
});
