// `eventroutes compile` and `check` as processes: exit codes, output formats, all-or-nothing writes,
// unchanged files left alone, byte-identical output, the no-change fast path.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, removeProject } from '../support/project';
import { runCli } from '../support/cli';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

const app = `source: com.example.app
events:
  Ping:
    detailType: Ping
    schema: { type: object, properties: { n: { type: integer } } }
routes:
  on-ping:
    on: Ping
    targets: [{ log: pings }]
logs:
  pings: {}
`;

function project(files: Record<string, string>): string {
  const root = makeProject(files);
  roots.push(root);
  return root;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

describe('eventroutes compile', () => {
  it('writes generated/ and prints a summary; the same input gives byte-identical output', () => {
    const a = project({ 'routes/app.yaml': app });
    const b = project({ 'routes/app.yaml': app });
    const run = runCli(a, ['compile']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^compiled 1 route files: 1 event types, 1 routes, 1 targets/);
    expect(run.stdout).toContain('wrote   generated/model.json');
    expect(runCli(b, ['compile']).code).toBe(0);
    expect(snapshot(join(a, 'generated'))).toEqual(snapshot(join(b, 'generated')));
  });

  it('answers from the cache when nothing changed, and notices a change', () => {
    const root = project({ 'routes/app.yaml': app });
    expect(runCli(root, ['compile']).code).toBe(0);
    const again = runCli(root, ['compile']);
    expect(again.stdout).toContain('(no change)');
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('Ping\n    schema', 'Ping Pong\n    schema'));
    const changed = runCli(root, ['compile']);
    expect(changed.stdout).not.toContain('(no change)');
    expect(readFileSync(join(root, 'generated/model.json'), 'utf8')).toContain('"Ping Pong"');
  });

  it('check answers from the last compile when nothing changed since, with what a full check reports', () => {
    const warned = app.replace('targets: [{ log: pings }]', "filter: { detail: { n: [{ numeric: ['>', 1] }] } }\n    targets: [{ log: pings }]");
    const root = project({ 'routes/app.yaml': warned });
    const record = join(root, 'node_modules/.cache/eventroutes/last-run.json');
    expect(runCli(root, ['compile']).code).toBe(0);
    const answered = runCli(root, ['check']);
    expect(answered.stdout).toMatch(/warning ER3045 [\s\S]*\nchecked 1 route files: 1 event types, 1 routes, 1 targets; 0 errors, 1 warning\n$/);
    const saved = readFileSync(record, 'utf8');
    rmSync(record);
    expect(runCli(root, ['check']).stdout).toBe(answered.stdout); // checked in full, the same
    // It was the record that answered: a marked record answers with its mark, until the input changes.
    writeFileSync(record, saved.replaceAll('has a filter and no tests', 'MARKED has a filter and no tests'));
    expect(saved).toContain('has a filter and no tests');
    expect(runCli(root, ['check']).stdout).toContain('MARKED');
    writeFileSync(join(root, 'routes/app.yaml'), `${warned}\n`);
    expect(runCli(root, ['check']).stdout).toBe(answered.stdout);
  });

  it('keeps the last successful compile as its starting point through a failed one', () => {
    const root = project({ 'routes/app.yaml': app });
    expect(runCli(root, ['compile']).code).toBe(0);
    const model = join(root, 'generated/model.json');
    const before = statSync(model);
    // A mistake, then its fix: the fix compiles as "no change" (generated/ was never touched).
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('detailType: Ping', 'detailType: 7'));
    expect(runCli(root, ['compile']).code).toBe(1);
    writeFileSync(join(root, 'routes/app.yaml'), app);
    expect(runCli(root, ['compile']).stdout).toMatch(/\(no change\)\ngenerated\/: 0 written/);
    // A mistake, then another change: compiled from the last good run's outputs (model.json replaced once).
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('detailType: Ping', 'detailType: 7'));
    expect(runCli(root, ['compile']).code).toBe(1);
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('detailType: Ping', 'detailType: Ping Pong'));
    expect(runCli(root, ['compile']).stdout).toContain('wrote   generated/model.json');
    expect(statSync(model).ino).not.toBe(before.ino);
    expect(readFileSync(model, 'utf8')).toContain('"Ping Pong"');
    expect(runCli(root, ['compile']).stdout).toContain('(no change)');
  });

  it('does not rewrite generated files whose content is unchanged', () => {
    const root = project({ 'routes/app.yaml': app });
    runCli(root, ['compile']);
    const schema = join(root, 'generated/route-file.schema.json');
    const before = statSync(schema);
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('pings: {}', 'pings: { retention: 7d }'));
    const run = runCli(root, ['compile']);
    expect(run.stdout).toContain('wrote   generated/model.json');
    expect(run.stdout).not.toContain('route-file.schema.json');
    const after = statSync(schema);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('reports the same diagnostics from its memo as without it', () => {
    const broken = app
      .replace('events:\n', 'events:\n  Bad:\n    detailType: Bad\n    schema: { type: objekt }\n')
      .replace('{ n: { type: integer } } }', '{ n: { type: integer } } }\n    examples: [{ n: "x" }]')
      .replace('targets: [{ log: pings }]', 'targets: [{ log: pings }]\n    tests: [{ event: { detail: { n: 1.5 } }, matches: true }]');
    const root = project({ 'routes/app.yaml': broken });
    const diagnosticLines = (out: string) => out.split('\n').filter((l) => / (error|warning) ER\d{4} /.test(l));
    const cacheDir = join(root, 'node_modules/.cache/eventroutes');
    const uncached = diagnosticLines(runCli(root, ['check']).stdout);
    expect(uncached.join('\n')).toMatch(/ER3016[\s\S]*ER3017|ER3017[\s\S]*ER3016/);
    // A test event that does not fit its schema: remembered with its route's checks.
    expect(uncached.join('\n')).toMatch(/ER7004 the detail of test 1 does not fit/);
    // check filled the memo: from it, check reports the same.
    expect(existsSync(join(cacheDir, 'memo'))).toBe(true);
    expect(diagnosticLines(runCli(root, ['check']).stdout)).toEqual(uncached);
    rmSync(cacheDir, { recursive: true });
    const first = runCli(root, ['compile']);
    const memoDir = join(root, 'node_modules/.cache/eventroutes/memo');
    const verdicts = readdirSync(memoDir)
      .filter((f) => f.startsWith('schemas.'))
      .flatMap((f) => Object.values((JSON.parse(readFileSync(join(memoDir, f), 'utf8')) as { entries: Record<string, unknown> }).entries));
    expect(verdicts).toHaveLength(2);
    expect(verdicts).toContainEqual([]);
    const memoized = runCli(root, ['compile']); // meta-schema verdicts, example checks and route checks from the memo
    expect(first.code).toBe(1);
    expect(memoized.code).toBe(1);
    expect(diagnosticLines(first.stdout)).toEqual(uncached);
    expect(diagnosticLines(memoized.stdout)).toEqual(uncached);
  });

  it("check and test reuse and update the cache, write nothing else, and leave the last compile's record as it is", () => {
    const root = project({ 'routes/app.yaml': app });
    const cacheDir = join(root, 'node_modules/.cache/eventroutes');
    // A fresh project: check writes neither generated/ nor handlers/, only the cache.
    expect(runCli(root, ['check']).code).toBe(0);
    expect([existsSync(join(root, 'generated')), existsSync(join(root, 'handlers')), existsSync(join(cacheDir, 'memo'))]).toEqual([false, false, true]);
    expect(runCli(root, ['compile']).code).toBe(0);
    const record = readFileSync(join(cacheDir, 'last-run.json'), 'utf8');
    const edited = app.replace('targets: [{ log: pings }]', "filter: { detail: { n: [{ numeric: ['>', 1] }] } }\n    targets: [{ log: pings }]");
    writeFileSync(join(root, 'routes/app.yaml'), edited);
    for (const command of ['check', 'test']) {
      const run = runCli(root, [command]);
      expect(run.code).toBe(0);
      expect(readFileSync(join(cacheDir, 'last-run.json'), 'utf8')).toBe(record);
    }
    expect(runCli(root, ['check']).stdout).toMatch(/warning ER3045 /);
    // The edited file's parse is in the memo, under its content hash.
    const hash = createHash('sha1').update(edited).digest('hex');
    const memoDir = join(cacheDir, 'memo');
    const parsed = readdirSync(memoDir).filter((f) => f.startsWith('files.')).some((f) => Object.hasOwn((JSON.parse(readFileSync(join(memoDir, f), 'utf8')) as { entries: object }).entries, hash));
    expect(parsed).toBe(true);
    // compile still knows what it wrote last: it compiles the change, then has nothing to do.
    expect(runCli(root, ['compile']).stdout).toMatch(/\ncompiled 1 route files: 1 event types, 1 routes, 1 targets, 0 functions\ngenerated\/: 1 written/);
    expect(runCli(root, ['compile']).stdout).toMatch(/\(no change\)/);
  });

  it('reads a YAML schema file kept under routes/ as a schema, not as a route file', () => {
    const withRef = app.replace('schema: { type: object, properties: { n: { type: integer } } }', 'schema: { $ref: ./schemas/ping.yaml }');
    const root = project({ 'routes/app.yaml': withRef, 'routes/schemas/ping.yaml': 'type: object\nrequired: [n]\nproperties:\n  n: { type: integer }\n' });
    const run = runCli(root, ['compile']);
    expect(run.stdout).not.toContain('ER2001');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^compiled 1 route files: 1 event types/);
    expect(readFileSync(join(root, 'generated/model.json'), 'utf8')).toContain('"required": [\n');
  });

  it('reports a schema the type generator cannot handle at the schema (ER8004), not as an internal error', () => {
    const root = project({ 'routes/app.yaml': app.replace('properties: { n: { type: integer } }', 'properties: { hasOwnProperty: { type: string } }') });
    const run = runCli(root, ['compile']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^routes\/app\.yaml:5:5: error ER8004 the TypeScript type of event type Ping cannot be generated from its schema/m);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(root, 'generated'))).toBe(false);
  });

  it('restores a generated file edited by hand', () => {
    const root = project({ 'routes/app.yaml': app });
    runCli(root, ['compile']);
    const model = join(root, 'generated/model.json');
    const original = readFileSync(model, 'utf8');
    writeFileSync(model, original.replace('"Ping"', '"Pong"'));
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('pings: {}', 'pings: { retention: 7d }'));
    expect(runCli(root, ['compile']).stdout).toContain('wrote   generated/model.json');
    writeFileSync(model, readFileSync(model, 'utf8').replace('"Ping"', '"Pong"'));
    expect(runCli(root, ['compile']).stdout).toContain('wrote   generated/model.json');
    expect(readFileSync(model, 'utf8')).toContain('"Ping"');
    expect(readFileSync(model, 'utf8')).not.toContain('"Pong"');
  });

  it('leaves generated/ untouched when the input has errors, and exits 1', () => {
    const root = project({ 'routes/app.yaml': app });
    runCli(root, ['compile']);
    const before = snapshot(join(root, 'generated'));
    writeFileSync(join(root, 'routes/app.yaml'), app.replace('log: pings', 'log: nope'));
    const run = runCli(root, ['compile']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('routes/app.yaml:9:22: error ER3006 log group "nope" is not declared');
    expect(run.stdout).toContain('generated/ was not changed');
    expect(snapshot(join(root, 'generated'))).toEqual(before);
  });

  it('prints diagnostics as JSON lines and as GitHub annotations', () => {
    const root = project({ 'routes/app.yaml': 'routse: {}\nbus: nope\n' });
    const json = runCli(root, ['check', '--format', 'json']);
    expect(json.code).toBe(1);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.code, l.line, l.column])).toEqual([['ER2001', 1, 1], ['ER3005', 2, 6]]);
    expect(lines[0]).toMatchObject({ severity: 'error', file: 'routes/app.yaml', pointer: '/routse' });
    const github = runCli(root, ['check', '--format=github']);
    expect(github.stdout.split('\n')[0]).toMatch(/^::error file=routes\/app.yaml,line=1,col=1,title=ER2001::unknown property "routse"/);
  });

  it('exits 2 on bad usage', () => {
    const root = project({ 'routes/app.yaml': app });
    expect(runCli(root, ['compile', '--nope']).code).toBe(2);
    expect(runCli(root, ['check', '--format', 'xml']).code).toBe(2);
    expect(runCli(root, ['frobnicate']).code).toBe(2);
    expect(runCli(root, []).code).toBe(2);
  });

  it('checks the rest of a file with a repeated key in the same run (the first value stays)', () => {
    const twice = app.replace('logs:\n  pings: {}', 'logs:\n  pings: {}\n  pings: { retention: 7d }').replace('targets: [{ log: pings }]', 'targets: [{ log: pings, retry: { attempts: 900 } }]');
    const root = project({ 'routes/app.yaml': twice, 'routes/other.yaml': 'routes:\n  again:\n    on: Ping\n    targets: [{ log: pings }]\n' });
    const run = runCli(root, ['check']);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => / error ER\d{4} /.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/^routes\/app\.yaml:9:48: error ER4005 retry attempts 900 is above the EventBridge maximum of 185$/), // in the same run
      expect.stringMatching(/^routes\/app\.yaml:12:3: error ER1002 the key pings appears twice in the same mapping: first at line 11, column 3$/),
    ]);
    // Ping and pings are declared for the other file: nothing "is not declared".
    expect(run.stdout).not.toContain('not declared');
  });

  it('does the work again where a memo entry is damaged, and reports the same', () => {
    // A filter checked against the schema, a test event that does not fit it, an example: every memo section is used.
    const input = app
      .replace('targets: [{ log: pings }]', "filter: { detail: { n: [{ numeric: ['>', 1] }] } }\n    targets: [{ log: pings }]\n    tests: [{ event: { detail: { n: 1.5 } }, matches: true }]")
      .replace('{ n: { type: integer } } }', '{ n: { type: integer } } }\n    examples: [{ n: 2 }]');
    const root = project({ 'routes/app.yaml': input });
    const first = runCli(root, ['compile']);
    expect(first.stdout).toMatch(/error ER7004 /);
    const memo = join(root, 'node_modules/.cache/eventroutes/memo');
    expect(new Set(readdirSync(memo).map((f) => f.split('.')[0]))).toEqual(new Set(['files', 'routes', 'instances', 'schemas']));
    for (const f of readdirSync(memo)) {
      const shard = JSON.parse(readFileSync(join(memo, f), 'utf8')) as { entries: Record<string, unknown> };
      for (const key of Object.keys(shard.entries)) shard.entries[key] = f.startsWith('routes') ? { diagnostics: [5], tests: [], wildcard: false } : 5;
      writeFileSync(join(memo, f), JSON.stringify(shard));
    }
    const again = runCli(root, ['compile']);
    expect([again.code, again.stderr, again.stdout]).toEqual([first.code, '', first.stdout]);
  });

  it('never prints a stack trace for malformed input', () => {
    const root = project({ 'routes/a.yaml': `a: ${'['.repeat(50_000)}`, 'routes/b.yaml': '\u0000\u0001binary', 'routes/c.yaml': '- just\n- a list\n' });
    const run = runCli(root, ['check']);
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
    expect(run.stdout).toContain('ER1004');
    expect(run.stdout).toContain('ER1005');
    expect(run.stdout).toContain('ER1006');
  });
});
