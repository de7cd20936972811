// A big run shares parsing and the generation of types with a worker thread: its output is
// byte-identical to a run without one (the in-process compile, which never starts a worker),
// diagnostics included.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileProject } from '../../compiler/pipeline/compile';
import { PARALLEL_THRESHOLD } from '../../compiler/pipeline/worker-client';
import { SHARE_THRESHOLD } from '../../compiler/emit/ts/schema-to-ts';
import { runCli } from '../support/cli';
import { makeProject, readTree, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function files(count: number): Record<string, string> {
  const out: Record<string, string> = { 'routes/platform.yaml': 'buses:\n  main: {}\nlogs:\n  audit: {}\n' };
  for (let i = 0; i < count; i++) {
    out[`routes/d${String(i).padStart(3, '0')}.yaml`] = `bus: main
source: com.example.d${i}
events:
  D${i}Happened:
    detailType: D${i} Happened
    schema: { type: object, required: [n], properties: { n: { type: integer }, kind: { enum: [a, b] }, d${i}: { type: string } } }
    examples: [{ n: ${i}, kind: a }]
routes:
  r${i}:
    on: D${i}Happened
    filter: { detail: { kind: [b${i % 7 === 0 ? ', c' : ''}] } }
    targets: [{ log: audit }, { lambda: d${i}/handle }]
    tests: [{ event: { detail: { kind: b } }, matches: true }]
`;
  }
  return out;
}


describe('parallel compile', () => {
  it('writes the same files and reports the same diagnostics as a compile without the worker', async () => {
    // Enough files to share parsing, and enough distinct schemas to share the generation of types.
    const count = Math.max(PARALLEL_THRESHOLD, SHARE_THRESHOLD) + 12;
    const withWorker = makeProject(files(count));
    const without = makeProject(files(count));
    roots.push(withWorker, without);
    const run = runCli(withWorker, ['check', '--format', 'json']);
    const inProcess = await compileProject(without);
    expect(run.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual(inProcess.diagnostics.map(({ code, severity, file, line, column, pointer, message, hint }) => ({ code, severity, file, line, column, pointer, message, ...(hint ? { hint } : {}) })));
    expect(runCli(withWorker, ['compile']).code).toBe(0);
    expect(readTree(join(withWorker, 'generated'))).toEqual(readTree(join(without, 'generated')));
    expect(inProcess.diagnostics.filter((d) => d.code === 'ER6006').length).toBeGreaterThan(0);
  });

  it('reports the errors that checks find after the worker started on the types, and writes nothing', async () => {
    // The worker starts generating types as soon as the model is built, before the checks of schemas
    // and routes: an invalid schema reaches it, and the checks' errors stop it.
    const count = Math.max(PARALLEL_THRESHOLD, SHARE_THRESHOLD) + 12;
    const broken = files(count);
    broken['routes/d003.yaml'] = broken['routes/d003.yaml']!.replace('n: { type: integer }', 'n: { type: 12 }');
    broken['routes/d005.yaml'] = broken['routes/d005.yaml']!.replace('matches: true', 'matches: false');
    const withWorker = makeProject(broken);
    const without = makeProject(broken);
    roots.push(withWorker, without);
    const inProcess = await compileProject(without);
    const run = runCli(withWorker, ['compile', '--format', 'json']);
    expect(run.code).toBe(1);
    const reported = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; file: string });
    expect(reported).toEqual(inProcess.diagnostics.map(({ code, severity, file, line, column, pointer, message, hint }) => ({ code, severity, file, line, column, pointer, message, ...(hint ? { hint } : {}) })));
    expect([...new Set(reported.filter((d) => d.file === 'routes/d003.yaml' || d.file === 'routes/d005.yaml').map((d) => d.file))].sort()).toEqual(['routes/d003.yaml', 'routes/d005.yaml']);
    expect(readdirSync(withWorker)).not.toContain('generated');
  });
});
