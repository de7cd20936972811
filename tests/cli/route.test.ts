// The `route` command: RULES.json + EVENTS.jsonl in, one sorted JSON array of rule names per event line
// out (DESIGN.md section 4). Run in-process, plus one real process reading events from stdin.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../compiler/cli/io';
import { main } from '../../compiler/cli/main';
import { compileRules } from '../../compiler/pattern/matcher';
import { runCli } from '../support/cli';

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let counter = 0;
function file(content: string): string {
  const path = join(dir, `f${counter++}`);
  writeFileSync(path, content);
  return path;
}

async function route(rules: string, events: string): Promise<{ code: number; lines: string[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false };
  const code = await main(['route', '--rules', file(rules), '--events', file(events)], io);
  return { code, lines: stdout.split('\n').slice(0, -1), stderr };
}

const RULES = {
  'orders-large': { source: ['com.acme.orders'], detail: { total: [{ numeric: ['>=', 1000] }] } },
  'orders-all': { source: ['com.acme.orders'] },
  'eu-orders': '{"source":["com.acme.orders"],"detail":{"currency":["EUR"]}}',
  'tagged-admin': { detail: { users: { role: ['admin'], active: [true] } } },
  'no-trace': { source: ['com.acme.orders'], detail: { trace: [{ exists: false }] } },
};

describe('eventroutes route', () => {
  it('writes, per event line, the sorted names of the matching rules', async () => {
    const events = [
      { source: 'com.acme.orders', detail: { total: 1250, currency: 'EUR' } },
      { source: 'com.acme.orders', detail: { total: 10, currency: 'USD', trace: 'abc' } },
      { source: 'com.acme.billing', detail: { users: [{ role: 'admin', active: false }, { role: 'dev', active: true }] } },
      { source: 'com.acme.billing', detail: { users: [{ role: 'dev' }, { role: 'admin', active: true }] } },
    ];
    const { code, lines, stderr } = await route(JSON.stringify(RULES), events.map((e) => JSON.stringify(e)).join('\n') + '\n\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(lines).toEqual([
      '["eu-orders","no-trace","orders-all","orders-large"]',
      '["orders-all"]',
      '[]',
      '["tagged-admin"]',
    ]);
  });

  it('agrees with compileRules on the same rules and events', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      source: i % 3 === 0 ? 'com.acme.orders' : 'com.acme.billing',
      detail: {
        total: (i * 37) % 2000,
        currency: ['EUR', 'USD'][i % 2],
        ...(i % 5 === 0 ? { trace: null } : {}),
        users: i % 4 === 0 ? [{ role: 'admin', active: i % 8 === 0 }] : [],
      },
    }));
    const { lines } = await route(JSON.stringify(RULES), events.map((e) => JSON.stringify(e)).join('\n'));
    const matcher = compileRules(Object.fromEntries(Object.entries(RULES).map(([k, v]) => [k, typeof v === 'string' ? (JSON.parse(v) as unknown) : v])));
    expect(lines).toEqual(events.map((e) => JSON.stringify(matcher.match(e))));
  });

  it('compares numbers by literal when they are not exact doubles (20-digit ids)', async () => {
    const rules = '{"id":{"detail":{"id":[123456789012345678901]}}}';
    const { lines } = await route(rules, '{"detail":{"id":123456789012345678901}}\n{"detail":{"id":123456789012345678900}}\n');
    expect(lines).toEqual(['["id"]', '[]']);
  });

  it('rejects invalid rules, listing each one, and routes nothing (exit 1)', async () => {
    const { code, lines, stderr } = await route(JSON.stringify({ ok: { a: ['x'] }, bad: { a: [] }, worse: { a: [{ prefix: 1 }] } }), '{"a":"x"}\n');
    expect(code).toBe(1);
    expect(lines).toEqual([]);
    expect(stderr).toMatch(/rule "bad" at \/a: error ER5003 Empty arrays are not allowed/);
    expect(stderr).toMatch(/rule "worse" at \/a\/0\/prefix: error ER5008 prefix match pattern must be a string/);
  });

  it('answers [] for a line that is not a JSON object and reports it (exit 1)', async () => {
    const { code, lines, stderr } = await route(JSON.stringify({ r: { a: ['x'] } }), '{"a":"x"}\nnot json\n[1]\n{"a":"x"}\n');
    expect(code).toBe(1);
    expect(lines).toEqual(['["r"]', '[]', '[]', '["r"]']);
    expect(stderr).toMatch(/2 event line\(s\) were not JSON objects and matched nothing \(lines 2, 3\)/);
  });

  it('exits 2 on bad usage', async () => {
    const io: CliIO = { cwd: dir, stdout: () => undefined, stderr: () => undefined, isTTY: false };
    expect(await main(['route', '--events', 'x'], io)).toBe(2);
    expect(await main(['route', '--rules', 'x'], io)).toBe(2);
    expect(await main(['route', '--rules', join(dir, 'missing.json'), '--events', 'x'], io)).toBe(2);
    expect(await main(['route', '--rules', '-', '--events', '-'], io)).toBe(2);
  });

  it('reads events from stdin with -', () => {
    const rules = file(JSON.stringify({ r: { a: ['x'] } }));
    const result = runCli(dir, ['route', '--rules', rules, '--events', '-'], '{"a":"x"}\n{"a":"y"}\n');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('["r"]\n[]\n');
    expect(result.code).toBe(0);
  });
});
