// One writer of generated/ at a time: a second compile waits for the lock, takes over a stale one
// (its process gone), and gives up with a WriteFailure (not an internal error) after its wait.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  it('creates the lock file and removes it on release', () => {
    const root = project();
    const release = lockGenerated(root);
    expect(readFileSync(join(root, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('waits while another running compile holds the lock, then fails after its wait (not an internal error)', async () => {
    const root = project();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(root, LOCK_FILE), `${other.pid}\n`);
      expect(() => lockGenerated(root, 100)).toThrow(expect.objectContaining({ name: 'WriteFailure', message: expect.stringContaining('another eventroutes compile is writing generated/') }));
    } finally {
      other.kill();
      await new Promise((resolve) => other.once('exit', resolve));
    }
    lockGenerated(root, 100)(); // its process is gone: the lock is stale
  });

  it('takes over a lock that names this process (left by an earlier process with the same pid)', () => {
    const root = project();
    writeFileSync(join(root, LOCK_FILE), `${process.pid}\n`);
    lockGenerated(root, 100)();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
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
