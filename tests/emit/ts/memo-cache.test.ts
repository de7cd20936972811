// The memo in the cache folder: hits across opens, pruning of unused entries, and no effect without a folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { codeVersion, contentKey, formatShard, memoized, openMemo, parseShard, SHARDS, shardFileName, unchangedFile } from '../../../compiler/emit/ts/memo-cache';

const dirs: string[] = [];
function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eventroutes-memo-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('openMemo', () => {
  it('remembers between opens, and drops what a compile did not use from the shards it adds to', () => {
    const dir = cacheDir();
    // 'a' and 'q' share a shard ('a' % 16 === 'q' % 16); 'b' is in another one.
    expect('a'.charCodeAt(0) % SHARDS).toBe('q'.charCodeAt(0) % SHARDS);
    const first = openMemo(dir, 'm');
    first.set('a', 'A');
    first.set('q', 'Q');
    first.set('b', 'B');
    first.save();
    const second = openMemo(dir, 'm');
    expect(second.get('a')).toBe('A');
    second.save(); // nothing added: nothing written
    const third = openMemo(dir, 'm');
    expect(third.get('a')).toBe('A');
    third.set('aa', 'AA'); // 'aa' is in the shard of 'a' and 'q'
    third.save();
    const fourth = openMemo(dir, 'm');
    expect(fourth.get('aa')).toBe('AA');
    expect(fourth.get('a')).toBe('A'); // used by the compile that wrote the shard
    expect(fourth.get('q')).toBeUndefined(); // not used by it: dropped
    expect(fourth.get('b')).toBe('B'); // in a shard nobody added to: left as it was
  });

  it('keeps an entry a compile did not read (keep) when it rewrites that shard', () => {
    const dir = cacheDir();
    const first = openMemo(dir, 'm');
    first.set('a', 'A');
    first.set('q', 'Q');
    first.save();
    const second = openMemo(dir, 'm');
    second.keep('a'); // an output made from 'a' is unchanged on disk: the entry is not read
    second.keep('k'); // kept, but never stored: nothing to keep
    second.set('aa', 'AA'); // same shard as 'a' and 'q': that shard is rewritten
    second.save();
    const third = openMemo(dir, 'm');
    expect([third.get('a'), third.get('aa'), third.get('q'), third.get('k')]).toEqual(['A', 'AA', undefined, undefined]);
  });

  it('leaves the content of an unchanged output unread until asked for', () => {
    const dir = cacheDir();
    const memo = openMemo(dir, 'm');
    memo.set('k1', 'from the memo');
    memo.save();
    const reopened = openMemo(dir, 'm');
    const asked: string[] = [];
    const context = {
      unchanged: (path: string, key: string) => path === 'generated/a.ts' && key === 'k1',
      previous: (path: string) => {
        asked.push(path);
        return path === 'generated/a.ts' ? { content: 'from disk', hash: '', key: 'k1' } : undefined;
      },
    };
    expect(unchangedFile(reopened, context, 'generated/a.ts', 'k2')).toBeUndefined();
    const file = unchangedFile(reopened, context, 'generated/a.ts', 'k1')!;
    expect({ path: file.path, key: file.key, ownership: file.ownership }).toEqual({ path: 'generated/a.ts', key: 'k1', ownership: 'generated' });
    expect(asked).toEqual([]);
    expect(file.content).toBe('from disk');
    expect(file.content).toBe('from disk');
    expect(asked).toEqual(['generated/a.ts']);
    // Gone from disk meanwhile: the memo's entry, the same content.
    const gone = unchangedFile(reopened, { ...context, previous: () => undefined }, 'generated/a.ts', 'k1')!;
    expect(gone.content).toBe('from the memo');
  });

  it('computes only on a miss', () => {
    const dir = cacheDir();
    let calls = 0;
    const compute = (): string => `v${++calls}`;
    const memo = openMemo(dir, 'm');
    expect(memoized(memo, { x: 1 }, compute)).toBe('v1');
    memo.save();
    expect(memoized(openMemo(dir, 'm'), { x: 1 }, compute)).toBe('v1');
    expect(calls).toBe(1);
  });

  const shardFile = (dir: string, key: string): string => join(dir, shardFileName('m', key.charCodeAt(0) % SHARDS));

  it('ignores a memo written by other code, or a broken file', () => {
    const dir = cacheDir();
    const key = contentKey(1);
    writeFileSync(shardFile(dir, key), formatShard(new Map([[key, 'stale']]), 'old'));
    expect(openMemo(dir, 'm').get(key)).toBeUndefined();
    writeFileSync(shardFile(dir, key), formatShard(new Map([[key, 'fresh']]), codeVersion()));
    expect(openMemo(dir, 'm').get(key)).toBe('fresh');
    for (const broken of ['{ not a memo', formatShard(new Map([[key, 'fresh']]), codeVersion()).slice(0, -1), formatShard(new Map([[key, 'fresh']]), codeVersion()) + 'x']) {
      writeFileSync(shardFile(dir, key), broken);
      expect(openMemo(dir, 'm').get(key)).toBeUndefined();
    }
  });

  it('keeps any text as it is: newlines, quotes, non-ASCII', () => {
    const values = new Map([['k1', 'line\n\nnext "q" \\ \u00e9\u{1F600}'], ['k2', ''], ['k3', '\n']]);
    expect(parseShard(formatShard(values, 'v'), 'v')).toEqual(values);
    const dir = cacheDir();
    const memo = openMemo(dir, 'm');
    for (const [k, v] of values) memo.set(k, v);
    memo.save();
    const again = openMemo(dir, 'm');
    for (const [k, v] of values) expect(again.get(k)).toBe(v);
  });

  it('rewrites only the shards that changed, nothing without a folder', () => {
    const dir = cacheDir();
    const memo = openMemo(dir, 'm');
    memo.set('a', 'A');
    memo.set('b', 'B');
    memo.save();
    const before = readFileSync(shardFile(dir, 'a'), 'utf8');
    const again = openMemo(dir, 'm');
    again.get('a');
    again.get('b');
    again.set('c', 'C');
    again.save();
    expect(readFileSync(shardFile(dir, 'a'), 'utf8')).toBe(before);
    expect(openMemo(dir, 'm').get('c')).toBe('C');
    const none = openMemo(undefined, 'm');
    none.set('a', 'A');
    none.save();
    expect(none.get('a')).toBeUndefined();
  });
});
