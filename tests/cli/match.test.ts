// The `match` command: JSON-lines cases in, one result line per case out (DESIGN.md section 4), run
// in-process; plus the shared hook's own comparison on the AWS-validated LocalStack cases.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../compiler/cli/io';
import { main } from '../../compiler/cli/main';
import { conformanceDir, stripJson5 } from '../pattern/conformance-data';

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-match-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

async function matchLines(lines: string[]): Promise<{ code: number; results: unknown[]; stderr: string }> {
  const file = join(dir, `cases-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const { code, stdout, stderr } = await run(['match', '--cases', file]);
  return { code, results: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown), stderr };
}

const EVENT = { id: '1', source: 'test-source', 'detail-type': 't', account: '1', region: 'r', time: 't', detail: { state: 'pending' } };

describe('eventroutes match --cases', () => {
  it('writes one result per case, in order, with AWS reasons for invalid patterns', async () => {
    const { code, results } = await matchLines([
      JSON.stringify({ name: 'hit', pattern: { detail: { state: ['pending'] } }, event: EVENT }),
      JSON.stringify({ name: 'miss', pattern: { detail: { state: ['running'] } }, event: EVENT }),
      JSON.stringify({ name: 'bad', pattern: { detail: { state: 'pending' } }, event: EVENT }),
      '',
      JSON.stringify({ name: 'complex', pattern: { a: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, event: EVENT }),
    ]);
    expect(code).toBe(0);
    expect(results).toEqual([
      { name: 'hit', result: true },
      { name: 'miss', result: false },
      { name: 'bad', result: 'invalid', error: '"state" must be an object or an array' },
      {
        name: 'complex',
        result: 'invalid',
        error: 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
      },
    ]);
  });

  it('accepts the pattern as a JSON string and applies the last of duplicate keys', async () => {
    const pattern = '{"detail":{"state":[{"prefix":"run"}],"state":[{"anything-but":"running"}]}}';
    const { results } = await matchLines([JSON.stringify({ name: 'dup', pattern, event: EVENT })]);
    expect(results).toEqual([{ name: 'dup', result: true }]);
  });

  it('keeps number literals of patterns and events given inline (300 matches 300.0)', async () => {
    const envelope = JSON.stringify({ ...EVENT, detail: undefined }).slice(1, -1);
    const { results } = await matchLines([`{"name":"float","pattern":{"n":[300]},"event":{${envelope},"n":300.0}}`]);
    expect(results).toEqual([{ name: 'float', result: true }]);
  });

  it('reports an event that is not a JSON object, or lacks an envelope field, as TestEventPattern does', async () => {
    const without = (field: string) => Object.fromEntries(Object.entries(EVENT).filter(([k]) => k !== field));
    const { results } = await matchLines([
      JSON.stringify({ name: 'e', pattern: { a: ['x'] }, event: ['x'] }),
      JSON.stringify({ name: 'f', pattern: { a: ['x'] } }),
      JSON.stringify({ name: 'g', pattern: { source: ['test-source'] }, event: { testEvent: 'value' } }),
      ...['id', 'account', 'source', 'time', 'region', 'detail-type'].map((field) => JSON.stringify({ name: `no-${field}`, pattern: { detail: { state: ['pending'] } }, event: without(field) })),
      JSON.stringify({ name: 'no-detail', pattern: { source: ['test-source'] }, event: { ...EVENT, detail: undefined } }),
    ]);
    expect(results).toEqual([
      { name: 'e', result: 'invalid', error: 'Parameter Event is not valid.' },
      { name: 'f', result: 'invalid', error: 'Parameter Event is not valid.' },
      { name: 'g', result: 'invalid', error: 'Parameter Event is not valid.' },
      ...['id', 'account', 'source', 'time', 'region', 'detail-type'].map((field) => ({ name: `no-${field}`, result: 'invalid', error: 'Parameter Event is not valid.' })),
      { name: 'no-detail', result: true },
    ]);
  });

  it('answers a pattern string that is not JSON with the parser\'s reason', async () => {
    const { code, results } = await matchLines([JSON.stringify({ name: 'p', pattern: '{"a":[', event: EVENT })]);
    expect(code).toBe(0);
    expect(results).toEqual([{ name: 'p', result: 'invalid', error: 'Unexpected end-of-input: expected a JSON value' }]);
  });

  it('survives lines that are not cases: result "invalid" with a reason, exit 1', async () => {
    const { code, results, stderr } = await matchLines(['not json', '[1,2]', '{"name":"x"}', JSON.stringify({ name: 'ok', pattern: { a: ['x'] }, event: { ...EVENT, a: 'x' } })]);
    expect(code).toBe(1);
    expect(results).toHaveLength(4);
    expect(results[0]).toMatchObject({ name: null, result: 'invalid', error: expect.stringMatching(/^line 1 is not JSON: Unrecognized token 'not'/) });
    expect(results[1]).toMatchObject({ result: 'invalid', error: 'line 2 is not a JSON object' });
    expect(results[2]).toMatchObject({ name: 'x', result: 'invalid', error: 'line 3 has no "pattern"' });
    expect(results[3]).toEqual({ name: 'ok', result: true });
    expect(stderr).toMatch(/3 line\(s\) were not valid cases/);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run(['match'])).code).toBe(2);
    expect((await run(['match', '--cases'])).code).toBe(2);
    expect((await run(['match', '--case', 'x'])).code).toBe(2);
    expect((await run(['match', '--cases', join(dir, 'missing.jsonl')])).code).toBe(2);
  });
});

describe('shared hook comparison on the AWS-validated LocalStack cases', () => {
  const shared = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared');
  const hook = join(shared, 'hooks', 'conformance-cases.js');
  const templates = join(conformanceDir, 'localstack-event-patterns', 'event_pattern_templates');

  /** The hook's conversion (JSON.parse of the JSON5 templates); used when the shared hook is absent (CI). */
  function casesWithoutHook(): string {
    return readdirSync(templates)
      .filter((f) => f.endsWith('.json5'))
      .sort()
      .map((f) => {
        const stem = f.replace(/\.json5$/, '');
        const j = JSON.parse(stripJson5(readFileSync(join(templates, f), 'utf8')));
        const expect = stem.endsWith('_EXC') ? 'invalid' : stem.endsWith('_NEG') ? false : true;
        return JSON.stringify({ name: stem, pattern: j.EventPattern, event: j.Event, expect }) + '\n';
      })
      .join('');
  }

  it('gets every case right', async () => {
    const withHook = existsSync(hook);
    let casesText: string;
    if (withHook) {
      const cases = spawnSync(process.execPath, [hook, templates], { encoding: 'utf8' });
      expect(cases.status, cases.stderr).toBe(0);
      casesText = cases.stdout;
    } else casesText = casesWithoutHook();
    const casesFile = join(dir, 'aws-cases.jsonl');
    writeFileSync(casesFile, casesText);
    const wanted = casesText.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; expect: unknown });
    expect(wanted.length).toBeGreaterThanOrEqual(116);
    const { code, stdout } = await run(['match', '--cases', casesFile]);
    expect(code).toBe(0);
    const outFile = join(dir, 'aws-out.jsonl');
    writeFileSync(outFile, stdout);
    if (withHook) {
      const compare = spawnSync(process.execPath, [hook, '--compare', casesFile, outFile], { encoding: 'utf8' });
      expect(compare.stdout.trim()).toBe(`- pattern engine: ${wanted.length}/${wanted.length} AWS-validated cases right`);
    } else {
      const got = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { name: string; result: unknown });
      expect(got.map((g) => [g.name, g.result])).toEqual(wanted.map((w) => [w.name, w.expect]));
    }
  });
});
