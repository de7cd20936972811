// Files the compiler keeps itself: read and written through one buffer, replaced without a reader ever
// seeing a mix of old and new.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readText, replaceFile, writeText } from '../../compiler/load/text-io';

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
});
