// Finding and reading route files: any-case extensions; UTF-8 problems located at the first bad byte;
// anything that is not a regular file (a device that never ends, a pipe that would block) reported
// at once, never read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchemaFiles } from '../../compiler/load/schema-files';
import { firstInvalidUtf8, listRouteFiles, readSourceFile } from '../../compiler/load/source-files';
import { makeProject, removeProject } from '../support/project';
import { seededRandom } from '../support/random';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));

function read(content: Buffer) {
  const root = makeProject({ 'routes/a.yaml': content });
  roots.push(root);
  return readSourceFile(root, 'routes/a.yaml');
}

describe('files that are not regular files', () => {
  it('are listed, then reported without being read: a device, a named pipe, a link to a folder', () => {
    const root = makeProject({ 'routes/ok.yaml': 'bus: default\n' });
    roots.push(root);
    symlinkSync('/dev/zero', join(root, 'routes', 'zero.yaml'));
    execFileSync('mkfifo', [join(root, 'routes', 'pipe.yml')]);
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'routes', 'folder.yaml'));
    expect(listRouteFiles(root, 'routes').files).toEqual(['routes/folder.yaml', 'routes/ok.yaml', 'routes/pipe.yml', 'routes/zero.yaml']);
    const results = ['routes/zero.yaml', 'routes/pipe.yml', 'routes/folder.yaml'].map((path) => readSourceFile(root, path));
    expect(results.map((r) => (r.ok ? 'read' : `${r.code} ${r.message}`))).toEqual([
      'ER1009 cannot read the file: it is not a regular file but a device',
      'ER1009 cannot read the file: it is not a regular file but a named pipe',
      'ER1009 cannot read the file: it is not a regular file but a folder',
    ]);
  });

  it('as schema files, are reported as such', () => {
    const root = makeProject({ 'routes/a.yaml': 'bus: default\n' });
    roots.push(root);
    mkdirSync(join(root, 'routes', 'schemas'));
    symlinkSync('/dev/urandom', join(root, 'routes', 'schemas', 'random.json'));
    const files = loadSchemaFiles(root, [{ file: 'routes/a.yaml', schema: { $ref: './schemas/random.json' } }]);
    expect(files.get('routes/schemas/random.json')?.error).toBe('it is not a regular file but a device');
  });
});

describe('readSourceFile', () => {
  it.each([
    ['a Latin-1 byte on line 3', Buffer.concat([Buffer.from('bus: default\n\ndescription: caf'), Buffer.from([0xe9]), Buffer.from('\n')]), 3, 17, '0xE9'],
    ['after multi-byte characters (columns in UTF-16 units, as for parsed files)', Buffer.concat([Buffer.from('a: é😀'), Buffer.from([0xff])]), 1, 7, '0xFF'],
    ['a truncated sequence at the end', Buffer.concat([Buffer.from('a: 1\nb: '), Buffer.from([0xe2, 0x82])]), 2, 4, '0xE2'],
    ['an overlong encoding', Buffer.concat([Buffer.from('a: '), Buffer.from([0xc0, 0xaf])]), 1, 4, '0xC0'],
    ['an encoded surrogate', Buffer.concat([Buffer.from('a\r\nb\rc: '), Buffer.from([0xed, 0xa0, 0x80])]), 3, 4, '0xED'],
    ['UTF-16 text', Buffer.from('\ufeffbus: x\n', 'utf16le'), 1, 1, '0xFF'],
  ])('locates invalid UTF-8: %s', (_name, bytes, line, column, byte) => {
    const result = read(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.code, result.line, result.column]).toEqual(['ER1005', line, column]);
    expect(result.message).toContain(`${byte} at line ${line}, column ${column}`);
    expect(result.hint).toBeTruthy();
  });

  it('locates a NUL byte', () => {
    const result = read(Buffer.from('\ufeffbus: default\nproject: x\n  \u0000\n'));
    expect(result.ok ? undefined : [result.code, result.line, result.column, result.message]).toEqual(['ER1005', 3, 3, 'the file holds binary data: a NUL byte at line 3, column 3']);
  });

  it('reads valid UTF-8, without its BOM', () => {
    const result = read(Buffer.from('\ufeffa: é😀\n'));
    expect(result.ok && result.file.text).toBe('a: é😀\n');
  });

  it('finds the first invalid byte exactly where a strict decoder fails (seeded random bytes)', () => {
    const next = seededRandom(11);
    const strict = new TextDecoder('utf-8', { fatal: true });
    const pool = [0x41, 0x0a, 0x80, 0xbf, 0xc2, 0xc0, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xf5, 0xff];
    for (let round = 0; round < 2000; round++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]);
      const bad = firstInvalidUtf8(bytes);
      const valid = (b: Uint8Array) => {
        try {
          strict.decode(b);
          return true;
        } catch {
          return false;
        }
      };
      expect(valid(bytes), `${Array.from(bytes)}`).toBe(bad === bytes.length);
      expect(valid(bytes.subarray(0, bad)), `${Array.from(bytes)}`).toBe(true);
    }
  });
});

describe('listRouteFiles', () => {
  it('lists .yaml and .yml files in any case, recursively, sorted; skips hidden files and other extensions', () => {
    const root = makeProject({
      'routes/a.yaml': 'bus: default\n',
      'routes/B.YAML': 'bus: default\n',
      'routes/team/c.Yml': 'bus: default\n',
      'routes/d.yml': 'bus: default\n',
      'routes/README.md': '# routes\n',
      'routes/e.yaml.bak': 'x\n',
      'routes/.hidden.yaml': 'x\n',
      'routes/f.json': '{}\n',
    });
    roots.push(root);
    expect(listRouteFiles(root, 'routes')).toEqual({ files: ['routes/B.YAML', 'routes/a.yaml', 'routes/d.yml', 'routes/team/c.Yml'] });
  });
});
