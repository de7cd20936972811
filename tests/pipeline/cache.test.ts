// The compile cache: memo entries survive between runs, unused ones are dropped, a run rewrites only
// the shard files whose entries changed, and another compiler build starts empty.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, CompileCache, type FileEntry } from '../../compiler/pipeline/cache';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));
function root(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventroutes-cache-'));
  roots.push(dir);
  return dir;
}
const entry = (n: number): FileEntry => ({ value: { n }, diagnostics: [], shapeErrors: [] });
const hash = (n: number): string => `${n.toString(16).padStart(40, '0')}`;

describe('CompileCache', () => {
  it('keeps what a run used, drops the rest of the shards it adds to, and rewrites only those', () => {
    const dir = root();
    const first = CompileCache.open(dir, 'b1');
    for (let n = 0; n < 40; n++) first.putFile(hash(n), entry(n));
    first.putMetaSchemaErrors('k', []);
    first.saveMemo();
    const memoDir = join(dir, CACHE_DIR, 'memo');
    const inodes = new Map(readdirSync(memoDir).map((f) => [f, statSync(join(memoDir, f)).ino])); // a rewrite is a new file renamed into place
    expect([...inodes.keys()].filter((f) => f.startsWith('files.')).length).toBeGreaterThan(8);

    const second = CompileCache.open(dir, 'b1');
    for (let n = 0; n < 40; n++) expect(second.file(hash(n))).toEqual(entry(n));
    expect(second.metaSchemaErrors('k')).toEqual([]);
    second.putFile(hash(40), entry(40));
    second.saveMemo();
    // (A replaced file is kept as <name>.old until unlinked in the background: not a memo file.)
    const rewritten = readdirSync(memoDir).filter((f) => !f.endsWith('.old') && statSync(join(memoDir, f), { throwIfNoEntry: false })?.ino !== inodes.get(f));
    expect(rewritten).toHaveLength(1);

    const third = CompileCache.open(dir, 'b1');
    expect(third.file(hash(40))).toEqual(entry(40));
    third.saveMemo(); // used only hash(40), added nothing: nothing is rewritten
    const fourth = CompileCache.open(dir, 'b1');
    expect(fourth.file(hash(1))).toEqual(entry(1));
    fourth.putFile(hash(41), entry(41));
    for (let n = 0; n < 40; n++) if (n % 2 === 0) fourth.file(hash(n));
    fourth.saveMemo(); // added hash(41): its shard keeps only what this run used
    const fifth = CompileCache.open(dir, 'b1');
    const shardOf41 = [...Array(41).keys()].filter((n) => n % 2 === 1 && fifth.file(hash(n)) === undefined);
    expect(shardOf41.length).toBeGreaterThan(0); // unused entries of the shard written were dropped
    expect(fifth.file(hash(41))).toEqual(entry(41));
    expect(fifth.file(hash(2))).toEqual(entry(2));
  });

  it('ignores what another compiler build wrote', () => {
    const dir = root();
    const a = CompileCache.open(dir, 'b1');
    a.putFile(hash(1), entry(1));
    a.saveMemo();
    expect(CompileCache.open(dir, 'b2').file(hash(1))).toBeUndefined();
  });
});

describe('the record of the last run', () => {
  it('is ignored when damaged: not an object, or a part missing or of another type', () => {
    const dir = root();
    const good = { key: 'k', schemaFiles: [], outputs: {}, diagnostics: [], summary: { files: 1 } };
    const write = (run: unknown) => {
      mkdirSync(join(dir, CACHE_DIR), { recursive: true });
      writeFileSync(join(dir, CACHE_DIR, 'last-run.json'), JSON.stringify({ build: 'b1', run }));
    };
    write(good);
    expect(CompileCache.open(dir, 'b1').lastRun).toEqual(good);
    expect(CompileCache.open(dir, 'b2').lastRun).toBeNull();
    for (const damaged of [null, 5, [], { ...good, key: 1 }, { ...good, outputs: [] }, { ...good, diagnostics: {} }, { ...good, checkDiagnostics: 'x' }, { ...good, checkDiagnostics: [5] }, { ...good, diagnostics: [{ code: 'ER1', file: 'a' }] }, { ...good, summary: null }, { key: 'k' }]) {
      write(damaged);
      expect(CompileCache.open(dir, 'b1').lastRun, JSON.stringify(damaged)).toBeNull();
    }
  });
});

describe('a file entry of the memo', () => {
  it('is a miss when damaged (the file is parsed again)', () => {
    const dir = root();
    const first = CompileCache.open(dir, 'b1');
    first.putFile(hash(1), entry(1));
    first.putFile(hash(2), { value: {}, diagnostics: [5], shapeErrors: [] } as unknown as FileEntry);
    first.putFile(hash(3), { value: {}, diagnostics: [], shapeErrors: 'x' } as unknown as FileEntry);
    first.putFile(hash(4), { value: {}, diagnostics: [{ code: 'ER2001', severity: 'error', line: 1, column: 1, pointer: '', message: 'm' }], shapeErrors: [''] });
    first.saveMemo();
    const second = CompileCache.open(dir, 'b1');
    expect([1, 2, 3, 4].map((n) => second.file(hash(n)) !== undefined)).toEqual([true, false, false, true]);
  });
});
