// A generated file being replaced is never missing: a reader of its path (an editor, `tsc --watch`, a test
// runner importing generated types) finds the old file or the new one at every moment of a write.
// The same holds for the compile cache's files (replaceFile). Every file-system call is observed
// (node:fs wrapped), and after each one the replaced files must still be there.
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { GeneratedFile } from '../../compiler/emit/types';
import { writeOutput } from '../../compiler/pipeline/write-output';
import { makeProject, removeProject } from '../support/project';

const watch = vi.hoisted(() => ({ paths: [] as string[], missing: [] as string[], calls: 0, exists: undefined as ((path: string) => boolean) | undefined }));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  watch.exists = (path) => real.existsSync(path);
  const observed = <F extends (...args: never[]) => unknown>(name: string, fn: F): F =>
    ((...args: Parameters<F>) => {
      const result = fn(...args);
      watch.calls++;
      for (const path of watch.paths) if (!real.existsSync(path)) watch.missing.push(`${path} after ${name}`);
      return result;
    }) as F;
  const wrapped = {
    ...real,
    renameSync: observed('renameSync', real.renameSync),
    rmSync: observed('rmSync', real.rmSync),
    unlinkSync: observed('unlinkSync', real.unlinkSync),
    linkSync: observed('linkSync', real.linkSync),
    rmdirSync: observed('rmdirSync', real.rmdirSync),
  };
  return { ...wrapped, default: wrapped };
});

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
const gen = (path: string, content: string): GeneratedFile => ({ path: `generated/${path}`, content, ownership: 'generated' });

describe('writeOutput replaces files atomically', () => {
  it('never leaves a replaced file missing, and removes only what is gone', () => {
    const root = makeProject({});
    roots.push(root);
    writeOutput(root, [gen('model.json', '{"v":1}'), gen('events/a.ts', 'A1'), gen('events/b.ts', 'B1'), gen('old.ts', 'O')]);
    watch.paths = ['model.json', 'events/a.ts', 'events/b.ts'].map((p) => join(root, 'generated', p));
    watch.calls = 0;
    const report = writeOutput(root, [gen('model.json', '{"v":2}'), gen('events/a.ts', 'A2'), gen('events/b.ts', 'B1')]);
    watch.paths = [];
    expect(watch.calls).toBeGreaterThan(0); // the wrapped calls are the ones the writer makes
    expect(watch.missing).toEqual([]);
    expect([report.changed, report.removed]).toEqual([['generated/events/a.ts', 'generated/model.json'], ['generated/old.ts']]);
    expect(fs.readFileSync(join(root, 'generated/model.json'), 'utf8')).toBe('{"v":2}');
    expect(fs.readFileSync(join(root, 'generated/events/a.ts'), 'utf8')).toBe('A2');
    expect(watch.exists!(join(root, 'generated/old.ts'))).toBe(false);
    expect(watch.exists!(join(root, '.generated.staging'))).toBe(false);
  });

  it('still replaces a folder that stands where a generated file goes', () => {
    const root = makeProject({});
    roots.push(root);
    writeOutput(root, [gen('a.ts', 'A')]);
    fs.rmSync(join(root, 'generated/a.ts'));
    fs.mkdirSync(join(root, 'generated/a.ts/inner'), { recursive: true });
    writeOutput(root, [gen('a.ts', 'A2')]);
    expect(fs.readFileSync(join(root, 'generated/a.ts'), 'utf8')).toBe('A2');
  });
});

describe('replaceFile (cache files)', () => {
  it('replaces a file atomically, also over a .old link an interrupted run left, and leaves no .old behind', async () => {
    const { replaceFile } = await import('../../compiler/load/text-io');
    const root = makeProject({});
    roots.push(root);
    const target = join(root, 'last-run.json');
    fs.writeFileSync(target, 'v1');
    for (const [i, leftover] of [[2, false], [3, true]] as const) {
      if (leftover) fs.writeFileSync(`${target}.old`, 'stale');
      fs.writeFileSync(`${target}.tmp`, `v${i}`);
      watch.paths = [target];
      watch.missing = [];
      watch.calls = 0;
      replaceFile(`${target}.tmp`, target);
      watch.paths = [];
      expect(watch.calls).toBeGreaterThan(0);
      expect(watch.missing).toEqual([]);
      expect(fs.readFileSync(target, 'utf8')).toBe(`v${i}`);
      await vi.waitFor(() => expect(watch.exists!(`${target}.old`)).toBe(false));
    }
  });
});
