// Golden files of the typed-code emitters: for each tests/emit/fixtures/<case>/routes, the generated
// event types, handler types, runtime, publisher and handler stubs are compared with
// fixtures/<case>/expected/ (UPDATE=1 rewrites them; the model-independent runtime files only in the
// typed-code case), and the expected files type-check under the
// project's strict compiler options, stubs and tests included.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../compiler/emit';
import type { GeneratedFile } from '../../compiler/emit/types';
import { runCheck } from '../../compiler/pipeline/check';
import { expectGolden, updating } from '../support/golden';
import { typeErrors } from './support/typecheck';

const FIXTURES = join(__dirname, 'fixtures');
/** The files the typed-code emitters own (others' emitters have their own goldens). */
const OURS = /^(generated\/(events|handlers|runtime)\/|generated\/publish\.ts$|handlers\/)/;
/** The runtime files do not depend on the model: one fixture keeps their goldens, the others borrow them. */
const RUNTIME = /^generated\/runtime\//;
const RUNTIME_OWNER = 'typed-code';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

async function generate(root: string): Promise<GeneratedFile[]> {
  const check = await runCheck(root);
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  expect(errors, 'the fixture has errors').toEqual([]);
  return (await emitAll(check.model, {})).filter((f) => OURS.test(f.path));
}

for (const name of readdirSync(FIXTURES).sort()) {
  const root = join(FIXTURES, name);
  const expectedDir = join(root, 'expected');
  const golden = (files: GeneratedFile[]) => (name === RUNTIME_OWNER ? files : files.filter((f) => !RUNTIME.test(f.path)));
  describe(`fixture ${name}`, () => {
    it('generates the expected files', async () => {
      const files = golden(await generate(root));
      const produced = new Set(files.map((f) => f.path));
      for (const stale of listFiles(expectedDir).filter((p) => !produced.has(p))) {
        if (updating) rmSync(join(expectedDir, stale));
        else expect.fail(`${stale} is expected but no longer generated: run UPDATE=1 npm test and review the diff`);
      }
      for (const f of files) expectGolden(join(expectedDir, f.path), f.content);
    });

    it('generates the same bytes every time', async () => {
      const [a, b] = await Promise.all([generate(root), generate(root)]);
      expect(b).toEqual(a);
    });

    it('type-checks, handler stubs and their tests included', async () => {
      const files = listFiles(expectedDir).filter((p) => p.endsWith('.ts')).map((p) => join(expectedDir, p));
      expect(files.length).toBeGreaterThan(0);
      const borrowed = name === RUNTIME_OWNER ? [] : (await generate(root)).filter((f) => RUNTIME.test(f.path));
      expect(typeErrors(files, Object.fromEntries(borrowed.map((f) => [join(expectedDir, f.path), f.content])))).toEqual([]);
    });
  });
}
