// The V8 code cache of the command line's bundles (compiler/bin/code-cache.cjs): made when missing,
// used when it belongs to the file, ignored (and made again) when the file or the cache changed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CODE_CACHE = join(__dirname, '../../compiler/bin/code-cache.cjs');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Loads dir/mod.cjs through the cache in a new process: what it returns, and whether the cache was used. */
function run(dir: string, env: Record<string, string> = {}, variant?: string): { value: string; used: boolean[] } {
  const script = `
    const cc = require(${JSON.stringify(CODE_CACHE)});
    cc.install(${JSON.stringify(dir)}, ${JSON.stringify(variant)});
    const value = require(${JSON.stringify(join(dir, 'mod.cjs'))}).answer();
    cc.save();
    process.stdout.write(JSON.stringify({ value, used: cc.status().map((s) => s.used) }));`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...env } });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { value: string; used: boolean[] };
}

function moduleDir(answer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventroutes-code-cache-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'mod.cjs'), `'use strict';\nexports.answer = function () { return ${JSON.stringify(answer)} + require('node:path').sep; };\n`);
  return dir;
}

describe('code cache', () => {
  it('is made by the first run and used by the next', () => {
    const dir = moduleDir('one');
    expect(run(dir)).toEqual({ value: 'one/', used: [false] });
    expect(readFileSync(join(dir, 'mod.cjs.v8cache')).toString('latin1')).toMatch(/^eventroutes-code-cache \d+ [\d.]+\n/);
    expect(run(dir)).toEqual({ value: 'one/', used: [true] });
  });

  it('is not used for a changed file, even of the same length (V8 compares only lengths)', () => {
    const dir = moduleDir('one');
    run(dir);
    writeFileSync(join(dir, 'mod.cjs'), readFileSync(join(dir, 'mod.cjs'), 'utf8').replace('one', 'two'));
    utimesSync(join(dir, 'mod.cjs'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(run(dir)).toEqual({ value: 'two/', used: [false] });
    expect(run(dir)).toEqual({ value: 'two/', used: [true] });
  });

  it('keeps a cache per variant (code made under other V8 flags)', () => {
    const dir = moduleDir('one');
    run(dir);
    expect(run(dir, {}, 'short')).toEqual({ value: 'one/', used: [false] });
    expect(existsSync(join(dir, 'mod.cjs.short.v8cache'))).toBe(true);
    expect(run(dir, {}, 'short')).toEqual({ value: 'one/', used: [true] });
    expect(run(dir)).toEqual({ value: 'one/', used: [true] });
  });

  it('survives a damaged cache file, and can be turned off', () => {
    const dir = moduleDir('one');
    run(dir);
    const cache = readFileSync(join(dir, 'mod.cjs.v8cache'));
    const header = cache.indexOf(10) + 1;
    writeFileSync(join(dir, 'mod.cjs.v8cache'), Buffer.concat([cache.subarray(0, header), Buffer.alloc(cache.length - header, 7)]));
    expect(run(dir)).toEqual({ value: 'one/', used: [false] });
    expect(run(dir)).toEqual({ value: 'one/', used: [true] });
    expect(run(dir, { EVENTROUTES_CODE_CACHE: 'off' })).toEqual({ value: 'one/', used: [] });
  });
});
