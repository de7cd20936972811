// One writer of generated/ at a time: a second compile waits for the lock, takes over a stale one
// (its process gone), and gives up with a WriteFailure (not an internal error) after its wait.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockGenerated } from '../../compiler/pipeline/write-lock';
import { makeProject, removeProject } from '../support/project';

const roots: string[] = [];
afterAll(() => roots.forEach(removeProject));
function project(): string {
  const root = makeProject({});
  roots.push(root);
  return root;
}

describe('lockGenerated', () => {
  it('holds the lock until released; another taker waits, then fails after its wait', () => {
    const root = project();
    const release = lockGenerated(root);
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
    expect(() => lockGenerated(root, 100)).toThrow(expect.objectContaining({ name: 'WriteFailure', message: expect.stringContaining('another eventroutes compile is writing generated/') }));
    release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
    lockGenerated(root, 100)();
  });

  it('takes over the lock of a process that is gone', () => {
    const root = project();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    writeFileSync(join(root, LOCK_FILE), `${gone}\n`);
    const release = lockGenerated(root, 100);
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
    release();
  });
});
