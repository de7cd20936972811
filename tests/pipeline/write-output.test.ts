// The generated/ writer: all-or-nothing through a roll-forward journal, unchanged files untouched,
// stale files and emptied folders removed, stubs created once.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../compiler/emit/types';
import { contentHash } from '../../compiler/emit/content-hash';
import { recoverGenerated, writeOutput } from '../../compiler/pipeline/write-output';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
function project(): string {
  const root = makeProject({});
  roots.push(root);
  return root;
}
const gen = (path: string, content: string): GeneratedFile => ({ path: `generated/${path}`, content, ownership: 'generated' });

describe('writeOutput', () => {
  it('writes a spliced file from the bytes of the file it replaces, and from its content once that file changed', () => {
    const root = project();
    writeOutput(root, [gen('model.json', '{"a":1,"b":2}')]);
    const path = join(root, 'generated/model.json');
    const stamp = () => ({ size: statSync(path).size, mtimeMs: statSync(path).mtimeMs });
    // The content says something else than the splice: the file written shows which one was used.
    const spliced = (content: string, base: { size: number; mtimeMs: number }): GeneratedFile => ({ ...gen('model.json', content), splice: { base, parts: ['{"a":9', [6, 7]] } });
    expect(writeOutput(root, [spliced('from content', stamp())]).changed).toEqual(['generated/model.json']);
    expect(readFileSync(path, 'utf8')).toBe('{"a":9,"b":2}');
    // The same pieces again: the same as on disk, found without writing.
    const same: GeneratedFile = { ...gen('model.json', 'unused'), splice: { base: stamp(), parts: [[0, 6], ',"b":2}'] } };
    expect(writeOutput(root, [same]).changed).toEqual([]);
    const base = stamp();
    writeFileSync(path, '{"a":1,"b":3}');
    utimesSync(path, new Date(), new Date(base.mtimeMs + 5000));
    expect(writeOutput(root, [spliced('{"from":"content"}', base)]).changed).toEqual(['generated/model.json']);
    expect(readFileSync(path, 'utf8')).toBe('{"from":"content"}');
  });

  it('writes, then rewrites only what changed, and removes what is gone', () => {
    const root = project();
    const first = writeOutput(root, [gen('a.ts', 'A'), gen('deep/b.ts', 'B'), gen('deep/er/c.ts', 'C')]);
    expect(first.changed).toEqual(['generated/a.ts', 'generated/deep/b.ts', 'generated/deep/er/c.ts']);
    const a = statSync(join(root, 'generated/a.ts'));
    const second = writeOutput(root, [gen('a.ts', 'A'), gen('deep/b.ts', 'B2')]);
    expect({ ...second, stamps: Object.keys(second.stamps) }).toEqual({ changed: ['generated/deep/b.ts'], removed: ['generated/deep/er/c.ts'], created: [], unchanged: 1, stamps: ['generated/a.ts', 'generated/deep/b.ts'] });
    expect(readFileSync(join(root, 'generated/deep/b.ts'), 'utf8')).toBe('B2');
    expect(existsSync(join(root, 'generated/deep/er'))).toBe(false);
    const after = statSync(join(root, 'generated/a.ts'));
    expect([after.ino, after.mtimeMs]).toEqual([a.ino, a.mtimeMs]);
    expect(existsSync(join(root, '.generated.staging'))).toBe(false);
  });

  it('replaces a link (or a file) where a folder of generated files goes, and writes nothing through it', () => {
    const root = project();
    writeOutput(root, [gen('a.ts', 'A'), gen('events/e.ts', 'E'), gen('events/f.ts', 'F')]);
    // generated/events replaced by a link to a folder outside, which holds one of its files as it is.
    const outside = join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'e.ts'), 'E');
    writeFileSync(join(outside, 'precious.txt'), 'mine');
    rmSync(join(root, 'generated/events'), { recursive: true });
    symlinkSync(outside, join(root, 'generated/events'));
    const report = writeOutput(root, [gen('a.ts', 'A'), gen('events/e.ts', 'E'), gen('events/f.ts', 'F')]);
    expect([report.changed, report.removed]).toEqual([['generated/events/e.ts', 'generated/events/f.ts'], ['generated/events']]);
    expect(lstatSync(join(root, 'generated/events')).isDirectory()).toBe(true);
    expect(readdirSync(join(root, 'generated/events')).sort()).toEqual(['e.ts', 'f.ts']);
    expect(readdirSync(outside).sort()).toEqual(['e.ts', 'precious.txt']);
    // A plain file in the folder's place goes the same way.
    rmSync(join(root, 'generated/events'), { recursive: true });
    writeFileSync(join(root, 'generated/events'), 'not a folder');
    writeOutput(root, [gen('a.ts', 'A'), gen('events/e.ts', 'E'), gen('events/f.ts', 'F')]);
    expect(readdirSync(join(root, 'generated/events')).sort()).toEqual(['e.ts', 'f.ts']);
  });

  it("trusts the last run's stamps only while a file's size and mtime match them", () => {
    const root = project();
    const first = writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')]);
    expect(first.stamps['generated/a.ts']).toEqual({ size: 1, mtimeMs: statSync(join(root, 'generated/a.ts')).mtimeMs, hash: contentHash('A') });
    // Edited by hand since (same size, another mtime): compared by content, and restored.
    writeFileSync(join(root, 'generated/b.ts'), 'X');
    utimesSync(join(root, 'generated/b.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')], first.stamps);
    expect(second.changed).toEqual(['generated/b.ts']);
    expect(readFileSync(join(root, 'generated/b.ts'), 'utf8')).toBe('B');
    // A matching stamp is compared by hash, without reading the file: a stamp saying "Z" makes "A" a change.
    const forged = { ...second.stamps, 'generated/a.ts': { ...second.stamps['generated/a.ts']!, hash: contentHash('Z') } };
    expect(writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')], forged).changed).toEqual(['generated/a.ts']);
    expect(writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')], second.stamps).changed).toEqual([]);
  });

  it('compares with the text this run already read of a file, while its size and mtime are the same', () => {
    const root = project();
    const keyed = (content: string, key: string): GeneratedFile => ({ ...gen('k.ts', content), key });
    const first = writeOutput(root, [keyed('K1', 'key-1')]);
    const stat = statSync(join(root, 'generated/k.ts'));
    // What an emitter read (here, said to be "K2"): a new key with content "K2" is the same as that text.
    const reads = new Map([['generated/k.ts', { size: stat.size, mtimeMs: stat.mtimeMs, content: 'K2' }]]);
    expect(writeOutput(root, [keyed('K2', 'key-2')], first.stamps, { reads }).changed).toEqual([]);
    // A read made at another mtime is not used: the file is read again.
    const stale = new Map([['generated/k.ts', { size: stat.size, mtimeMs: stat.mtimeMs - 1000, content: 'K3' }]]);
    expect(writeOutput(root, [keyed('K3', 'key-3')], first.stamps, { reads: stale }).changed).toEqual(['generated/k.ts']);
    expect(readFileSync(join(root, 'generated/k.ts'), 'utf8')).toBe('K3');
  });

  it('compares a file made from a key by key, and by content when the key changed', () => {
    const root = project();
    const keyed = (content: string, key: string): GeneratedFile => ({ ...gen('k.ts', content), key });
    const first = writeOutput(root, [keyed('K1', 'key-1')]);
    expect(first.stamps['generated/k.ts']).toEqual({ size: 2, mtimeMs: statSync(join(root, 'generated/k.ts')).mtimeMs, hash: '', key: 'key-1' });
    // Same key: the same content, not hashed (a stamp is trusted as it is: the key stands for the content).
    expect(writeOutput(root, [keyed('K1', 'key-1')], first.stamps).changed).toEqual([]);
    // Another key with the same content: read and found the same, so not rewritten.
    const other = writeOutput(root, [keyed('K1', 'key-2')], first.stamps);
    expect(other.changed).toEqual([]);
    expect(other.stamps['generated/k.ts']!.key).toBe('key-2');
    // Another key and other content: written.
    const changed = writeOutput(root, [keyed('K2', 'key-3')], other.stamps);
    expect(changed.changed).toEqual(['generated/k.ts']);
    expect(readFileSync(join(root, 'generated/k.ts'), 'utf8')).toBe('K2');
    // Edited by hand (the stamp no longer matches): restored even though the key is the same.
    writeFileSync(join(root, 'generated/k.ts'), 'hand edit');
    expect(writeOutput(root, [keyed('K2', 'key-3')], changed.stamps).changed).toEqual(['generated/k.ts']);
    expect(readFileSync(join(root, 'generated/k.ts'), 'utf8')).toBe('K2');
  });

  it('never overwrites a file meant for the user', () => {
    const root = project();
    mkdirSync(join(root, 'handlers/x'), { recursive: true });
    writeFileSync(join(root, 'handlers/x/h.ts'), 'mine');
    const report = writeOutput(root, [
      { path: 'handlers/x/h.ts', content: 'stub', ownership: 'once' },
      { path: 'handlers/x/new.ts', content: 'stub', ownership: 'once' },
    ]);
    expect(report.created).toEqual(['handlers/x/new.ts']);
    expect(readFileSync(join(root, 'handlers/x/h.ts'), 'utf8')).toBe('mine');
  });

  it('finishes a committed journal after a crash', () => {
    const root = project();
    writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')]);
    // A run that crashed after its commit point: staged file and journal, not yet applied.
    mkdirSync(join(root, '.generated.staging/files'), { recursive: true });
    writeFileSync(join(root, '.generated.staging/files/a.ts'), 'A2');
    writeFileSync(join(root, '.generated.staging/JOURNAL.json'), JSON.stringify({ moves: [['.generated.staging/files/a.ts', 'generated/a.ts']], deletes: ['generated/b.ts'] }));
    recoverGenerated(root);
    expect(readFileSync(join(root, 'generated/a.ts'), 'utf8')).toBe('A2');
    expect(existsSync(join(root, 'generated/b.ts'))).toBe(false);
    expect(existsSync(join(root, '.generated.staging'))).toBe(false);
  });

  it('finishes a journal interrupted between moving a file aside and moving its new version in', () => {
    const root = project();
    writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')]);
    mkdirSync(join(root, '.generated.staging/files'), { recursive: true });
    mkdirSync(join(root, '.generated.staging/trash'), { recursive: true });
    writeFileSync(join(root, '.generated.staging/files/a.ts'), 'A2');
    writeFileSync(join(root, '.generated.staging/JOURNAL.json'), JSON.stringify({ moves: [['.generated.staging/files/a.ts', 'generated/a.ts']], deletes: [] }));
    renameSync(join(root, 'generated/a.ts'), join(root, '.generated.staging/trash/0')); // moved aside, then the crash
    recoverGenerated(root);
    expect(readFileSync(join(root, 'generated/a.ts'), 'utf8')).toBe('A2');
    expect(readFileSync(join(root, 'generated/b.ts'), 'utf8')).toBe('B');
    expect(existsSync(join(root, '.generated.staging'))).toBe(false);
  });

  it('leaves no staging and no trash behind: replaced files are deleted after the write, or by the next one', async () => {
    const root = project();
    writeOutput(root, [gen('a.ts', 'A'), gen('b.ts', 'B')]);
    writeOutput(root, [gen('a.ts', 'A2')]);
    expect(readFileSync(join(root, 'generated/a.ts'), 'utf8')).toBe('A2');
    expect(existsSync(join(root, 'generated/b.ts'))).toBe(false);
    const leftovers = () => readdirSync(root).filter((name) => name.startsWith('.generated.'));
    for (let i = 0; i < 100 && leftovers().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(leftovers()).toEqual([]);
    // Trash an interrupted run left: removed by the next write.
    mkdirSync(join(root, '.generated.trash.1.2/trash'), { recursive: true });
    writeFileSync(join(root, '.generated.trash.1.2/trash/0'), 'old');
    writeOutput(root, [gen('a.ts', 'A2')]);
    expect(leftovers()).toEqual([]);
  });

  it('discards staging that was never committed', () => {
    const root = project();
    writeOutput(root, [gen('a.ts', 'A')]);
    mkdirSync(join(root, '.generated.staging/files'), { recursive: true });
    writeFileSync(join(root, '.generated.staging/files/a.ts'), 'half-written');
    recoverGenerated(root);
    expect(readFileSync(join(root, 'generated/a.ts'), 'utf8')).toBe('A');
    expect(existsSync(join(root, '.generated.staging'))).toBe(false);
  });
});
