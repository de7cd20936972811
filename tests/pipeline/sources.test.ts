// Reading route files: what the last run read is trusted only while size and mtime match and the
// mtime was old when it was read (racily changed files are read again); trusted texts are read lazily.
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashText } from '../../compiler/load/source-files';
import { RACY_MS, knownSources, readProject } from '../../compiler/pipeline/sources';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
const OLD = new Date(2020, 0, 1);

function project(): string {
  const root = makeProject({ 'routes/a.yaml': 'bus: a\n', 'routes/b.yaml': 'bus: b\n' });
  roots.push(root);
  for (const f of ['a', 'b']) utimesSync(join(root, `routes/${f}.yaml`), OLD, OLD);
  return root;
}

describe('readProject', () => {
  it('trusts an unchanged file the last run read, and reads its text only when asked', () => {
    const root = project();
    const first = readProject(root);
    const known = knownSources(first, Date.now());
    // Same size and mtime, but other content (as only a deliberate edit could do): the stamp is trusted.
    writeFileSync(join(root, 'routes/a.yaml'), 'bus: x\n');
    utimesSync(join(root, 'routes/a.yaml'), OLD, OLD);
    const second = readProject(root, known);
    const a = second.files.find((f) => f.path === 'routes/a.yaml')!;
    expect(a.hash).toBe(hashText('bus: a\n'));
    expect(a.text).toBe('bus: x\n'); // read when asked for
    expect(knownSources(second, Date.now()).files['routes/a.yaml']![2]).toBe(hashText('bus: a\n'));
  });

  it('reads again a file whose size or mtime changed', () => {
    const root = project();
    const known = knownSources(readProject(root), Date.now());
    writeFileSync(join(root, 'routes/b.yaml'), 'bus: bb\n');
    const b = readProject(root, known).files.find((f) => f.path === 'routes/b.yaml')!;
    expect([b.hash, b.text]).toEqual([hashText('bus: bb\n'), 'bus: bb\n']);
  });

  it('reads again a file that was changed just before it was read (its mtime may not show a later change)', () => {
    const root = project();
    const now = Date.now();
    utimesSync(join(root, 'routes/a.yaml'), new Date(now - RACY_MS / 2), new Date(now - RACY_MS / 2));
    const known = knownSources(readProject(root), now);
    writeFileSync(join(root, 'routes/a.yaml'), 'bus: x\n'); // same size
    utimesSync(join(root, 'routes/a.yaml'), new Date(now - RACY_MS / 2), new Date(now - RACY_MS / 2));
    const a = readProject(root, known).files.find((f) => f.path === 'routes/a.yaml')!;
    expect(a.hash).toBe(hashText('bus: x\n'));
  });

  it('says where the project is when run from inside it (a folder without routes/ below one with it)', () => {
    const root = project();
    const inside = readProject(join(root, 'routes')).diagnostics;
    expect(inside.map((d) => [d.code, d.message, d.hint])).toEqual([['ER1009', `there is no routes/ folder in ${join(root, 'routes')}`, `run eventroutes from ${root} (the folder that holds routes/), or create routes/ here`]]);
  });
});
