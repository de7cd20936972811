// Files the compiler keeps itself: read and written through one buffer, replaced without a reader ever
// seeing a mix of old and new.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, replaceFile, splicedSameAsBase, writeSpliced, writeText } from '../../compiler/load/text-io';

const dir = mkdtempSync(join(tmpdir(), 'eventroutes-text-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('text-io', () => {
  it('writes and reads text, ASCII or not', () => {
    writeText(join(dir, 'a.txt'), 'plain');
    writeText(join(dir, 'b.txt'), 'ünïcode ✓');
    expect([readText(join(dir, 'a.txt')), readText(join(dir, 'b.txt'))]).toEqual(['plain', 'ünïcode ✓']);
  });

  it('replaces a file with another, and puts a file where there was none', async () => {
    writeFileSync(join(dir, 'target'), 'old');
    writeFileSync(join(dir, 'new'), 'new');
    replaceFile(join(dir, 'new'), join(dir, 'target'));
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'new'))).toBe(false);
    for (let i = 0; i < 100 && existsSync(join(dir, 'target.old')); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(existsSync(join(dir, 'target.old'))).toBe(false); // deleted in the background
    writeFileSync(join(dir, 'fresh.tmp'), 'fresh');
    replaceFile(join(dir, 'fresh.tmp'), join(dir, 'fresh'));
    expect(readFileSync(join(dir, 'fresh'), 'utf8')).toBe('fresh');
  });

  describe('spliced files', () => {
    const base = join(dir, 'base.json');
    const stampOf = (path: string) => {
      const s = statSync(path);
      return { size: s.size, mtimeMs: s.mtimeMs };
    };

    it('writes text and byte ranges of the base file, copied in chunks', () => {
      const big = `${'a'.repeat(1_500_000)}é${'b'.repeat(1_500_000)}`; // more than a copy chunk, with a two-byte character
      writeFileSync(base, big);
      const target = join(dir, 'spliced.json');
      const split = 1_500_000;
      expect(writeSpliced(target, base, stampOf(base), ['<', [0, split + 2], '|', [split + 2, 1_500_000], '>'])).toBe(true);
      expect(readFileSync(target, 'utf8')).toBe(`<${big.slice(0, split + 1)}|${big.slice(split + 1)}>`);
    });

    it('writes nothing usable from a base that is not the stamped file any more', () => {
      writeFileSync(base, 'abcdef');
      const stamp = stampOf(base);
      const target = join(dir, 'refused.json');
      writeFileSync(base, 'abcdeX'); // same size, another mtime
      utimesSync(base, new Date(), new Date(stamp.mtimeMs + 5000));
      expect(writeSpliced(target, base, stamp, [[0, 3]])).toBe(false);
      expect(writeSpliced(target, join(dir, 'missing'), stamp, [[0, 3]])).toBe(false);
      expect(writeSpliced(target, base, stampOf(base), [[4, 3]])).toBe(false); // past the end
    });

    it('compares pieces with the base without reading what stays in place', () => {
      writeFileSync(base, 'head-MIDDLE-tail');
      const stamp = stampOf(base);
      expect(splicedSameAsBase(base, stamp, [[0, 5], 'MIDDLE', [11, 5]])).toBe(true);
      expect(splicedSameAsBase(base, stamp, [[0, 5], 'MIDDLX', [11, 5]])).toBe(false);
      expect(splicedSameAsBase(base, stamp, [[0, 5], 'MIDDLE', [11, 4]])).toBe(false); // another size
      expect(splicedSameAsBase(base, stamp, ['head-', [5, 11]])).toBe(true);
      // A range that moved is compared with what is at its new place.
      writeFileSync(base, 'abab');
      expect(splicedSameAsBase(base, stampOf(base), [[2, 2], [0, 2]])).toBe(true);
      writeFileSync(base, 'abcd');
      expect(splicedSameAsBase(base, stampOf(base), [[2, 2], [0, 2]])).toBe(false);
      expect(splicedSameAsBase(join(dir, 'missing'), stamp, ['x'])).toBe(false);
    });
  });
});
