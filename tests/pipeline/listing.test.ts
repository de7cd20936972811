// Folder listings kept between runs: a folder whose mtime is the one the last run listed it with (and
// was old then) is not read again; one that changed, or changed racily, is; a removed one lists nothing.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TreeLister } from '../../compiler/pipeline/listing';
import { RACY_MS } from '../../compiler/pipeline/sources';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
const OLD = new Date(2020, 0, 1);
const ALL = { enter: () => true, keep: () => true };

function tree(): string {
  const root = makeProject({ 'top/a.ts': '', 'top/sub/b.ts': '', 'top/sub/deep/c.ts': '', 'top/other/d.ts': '' });
  roots.push(root);
  for (const dir of ['top', 'top/sub', 'top/sub/deep', 'top/other']) utimesSync(join(root, dir), OLD, OLD);
  return join(root, 'top');
}

const sorted = (files: string[]): string[] => [...files].sort();

describe('TreeLister', () => {
  it('lists every file under a folder, through the filter', () => {
    const top = tree();
    expect(sorted(new TreeLister().files(top, ALL))).toEqual(['a.ts', 'other/d.ts', 'sub/b.ts', 'sub/deep/c.ts']);
    expect(sorted(new TreeLister().files(top, { enter: (name) => name !== 'sub', keep: (name) => name !== 'a.ts' }))).toEqual(['other/d.ts']);
    expect(new TreeLister().files(join(top, 'missing'), ALL)).toEqual([]);
  });

  it('trusts a folder whose mtime is unchanged and was old when listed', () => {
    const top = tree();
    const first = new TreeLister();
    first.files(top, ALL);
    // A file added with the folder's mtime put back (as only a deliberate act could do): the listing is trusted.
    writeFileSync(join(top, 'sub/hidden.ts'), '');
    utimesSync(join(top, 'sub'), OLD, OLD);
    const second = new TreeLister(first.listed);
    expect(sorted(second.files(top, ALL))).toEqual(['a.ts', 'other/d.ts', 'sub/b.ts', 'sub/deep/c.ts']);
    expect(second.listed.dirs.sub).toEqual(first.listed.dirs.sub);
  });

  it('reads again a folder whose mtime changed', () => {
    const top = tree();
    const first = new TreeLister();
    first.files(top, ALL);
    writeFileSync(join(top, 'sub/new.ts'), '');
    mkdirSync(join(top, 'other/more'));
    writeFileSync(join(top, 'other/more/e.ts'), '');
    rmSync(join(top, 'sub/deep'), { recursive: true });
    const second = new TreeLister(first.listed);
    expect(sorted(second.files(top, ALL))).toEqual(['a.ts', 'other/d.ts', 'other/more/e.ts', 'sub/b.ts', 'sub/new.ts']);
    // What the second run listed is what a third one trusts.
    expect(sorted(new TreeLister(second.listed).files(top, ALL))).toEqual(['a.ts', 'other/d.ts', 'other/more/e.ts', 'sub/b.ts', 'sub/new.ts']);
  });

  it('reads again a folder that was changed just before it was listed (its mtime may not show a later change)', () => {
    const top = tree();
    utimesSync(join(top, 'sub'), new Date(), new Date());
    const first = new TreeLister();
    first.files(top, ALL);
    writeFileSync(join(top, 'sub/racy.ts'), '');
    utimesSync(join(top, 'sub'), new Date(first.listed.dirs.sub![0]), new Date(first.listed.dirs.sub![0]));
    expect(sorted(new TreeLister(first.listed).files(top, ALL))).toContain('sub/racy.ts');
  });

  it('reads a young folder without a stat while runs follow each other, and trusts it after a pause', () => {
    const top = tree();
    utimesSync(join(top, 'sub'), new Date(), new Date()); // just written
    const first = new TreeLister();
    first.files(top, ALL);
    const second = new TreeLister(first.listed); // a moment later: read, mtime not taken
    second.files(top, ALL);
    expect(second.listed.dirs.sub![0]).toBe(-1);
    expect(second.listed.dirs.other).toEqual(first.listed.dirs.other); // old: trusted
    // After a pause (the last run RACY_MS ago), the folder, old by now, is stat'ed; the next run trusts it.
    utimesSync(join(top, 'sub'), OLD, OLD);
    const third = new TreeLister({ ...second.listed, readAt: second.listed.readAt - RACY_MS - 1 });
    third.files(top, ALL);
    expect(third.listed.dirs.sub![0]).toBe(OLD.getTime());
    writeFileSync(join(top, 'sub/hidden.ts'), '');
    utimesSync(join(top, 'sub'), OLD, OLD);
    expect(sorted(new TreeLister(third.listed).files(top, ALL))).not.toContain('sub/hidden.ts');
  });

  it('forgets the folders above a file written after listing', () => {
    const top = tree();
    const first = new TreeLister();
    first.files(top, ALL);
    first.forget('sub/deep/c.ts');
    expect(Object.keys(first.listed.dirs).sort()).toEqual(['other']);
  });

  it('lists nothing for a folder removed since, and reads a folder that replaced a file', () => {
    const top = tree();
    const first = new TreeLister();
    first.files(top, ALL);
    rmSync(top, { recursive: true });
    expect(new TreeLister(first.listed).files(top, ALL)).toEqual([]);
    mkdirSync(top);
    writeFileSync(join(top, 'z.ts'), '');
    expect(new TreeLister(first.listed).files(top, ALL)).toEqual(['z.ts']);
  });
});
