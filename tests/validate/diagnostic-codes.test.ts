// Every diagnostic code of the foundation has an invalid project that produces it, at the expected
// file, line and column, with the bad value in the message.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allCodes } from '../../compiler/diagnostics/codes';
import { runCheck } from '../../compiler/pipeline/check';
import { emitCases, invalidCases, patternCases } from '../fixtures/invalid-cases';
import { loadCases } from '../fixtures/invalid-cases-load';
import { modelCases } from '../fixtures/invalid-cases-model';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

async function check(files: Record<string, string | Buffer>) {
  const root = makeProject(files);
  roots.push(root);
  return { root, result: await runCheck(root) };
}

describe('diagnostic codes', () => {
  it.each([...invalidCases, ...patternCases, ...emitCases, ...loadCases, ...modelCases].map((c) => [c.code, c] as const))('%s is reported at its location', async (_code, c) => {
    const { result } = await check(c.files);
    const found = result.diagnostics.filter((d) => d.code === c.code);
    const where = found.map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(where.some((w) => w.startsWith(c.at)), `${c.code} at ${c.at}; got ${JSON.stringify(result.diagnostics.map((d) => `${d.code}@${d.file}:${d.line}:${d.column} ${d.message}`))}`).toBe(true);
    const d = found.find((x) => `${x.file}:${x.line}:${x.column}`.startsWith(c.at))!;
    if (c.mentions) expect(d.message).toContain(c.mentions);
    expect(d.message.length).toBeGreaterThan(10);
    expect(d.hint, `${c.code} has a hint`).toBeTruthy();
  });

  // A declaration being typed has a name and nothing yet (`OrderPaid:` is null): found by fuzzing,
  // where `events:` with such an entry ended in an internal error.
  it.each(['buses', 'events', 'sources', 'routes', 'notifications', 'queues', 'logs', 'apiDestinations', 'tables', 'buckets'])('ER2002: %s with an entry that has no value yet', async (section) => {
    const { result } = await check({ 'routes/a.yaml': `bus: default\nsource: com.a\n${section}:\n  Half:\n` });
    const d = result.diagnostics.find((x) => x.code === 'ER2002');
    expect(d && `${d.file}:${d.line}:${d.column}`, JSON.stringify(result.diagnostics)).toBe('routes/a.yaml:4:8');
  });

  it('ER1009: a file that cannot be read (a dangling link)', async () => {
    const root = makeProject({ 'routes/ok.yaml': 'bus: default\n' });
    roots.push(root);
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'routes/broken.yaml'));
    const d = (await runCheck(root)).diagnostics.find((x) => x.code === 'ER1009');
    expect(d && `${d.file}:${d.line}:${d.column}`).toBe('routes/broken.yaml:1:1');
  });

  it('every registered code reachable from a route file has a located case', () => {
    // Not reachable from YAML: the pattern-text codes of `match`/`route` (JSON syntax, duplicate keys,
    // a non-object pattern or test event, which the route-file schema rejects first), the filter size
    // (reported on the whole rule as ER4003), and codes of generated code (tested in tests/emit).
    const unreachable = new Set(['ER5001', 'ER5018', 'ER5019', 'ER5020', 'ER7003']);
    const covered = new Set([...invalidCases, ...patternCases, ...loadCases, ...modelCases].map((c) => c.code).concat('ER1009'));
    const reachable = allCodes.filter((c) => /^ER[1-7]/.test(c.code) && !unreachable.has(c.code)).map((c) => c.code);
    expect(reachable.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('says that a name "not declared" may be declared in a route file that could not be read', async () => {
    const { result } = await check({
      'routes/a.yaml': 'source: com.a\nnotifications:\n  ops: {}\n  bad: [\n',
      'routes/b.yaml': 'source: com.b\nevents:\n  B: { detailType: B, schema: { type: object } }\nroutes:\n  r:\n    on: B\n    targets: [{ notify: ops }]\n',
    });
    const d = result.diagnostics.find((x) => x.code === 'ER3003')!;
    expect(d.hint).toContain('routes/a.yaml could not be read and may declare it');
  });

  it('reports a problem of a value shared through a YAML alias once', async () => {
    const { result } = await check({
      'routes/a.yaml': 'source: com.a\nlogs:\n  audit: {}\nevents:\n  Foo:\n    detailType: Foo\n    schema: { type: object }\nroutes:\n  r1: &r\n    on: Foo\n    targets: [{ log: nope }]\n  r2: *r\n',
    });
    expect(result.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['ER3006@11:22']);
  });

  it('reports every problem of a run together, across files', async () => {
    const { result } = await check({
      'routes/a.yaml': 'bus: nope\nroutse: {}\n',
      'routes/b.yaml': 'notifications:\n  ops: { email: [bad] }\n',
      'routes/c.yaml': 'events: [1\n',
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual(['ER3005 routes/a.yaml', 'ER2001 routes/a.yaml', 'ER3026 routes/b.yaml', 'ER1001 routes/c.yaml']);
  });
});
