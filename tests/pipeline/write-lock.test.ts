// One writer of generated/ at a time: a second compile waits for the lock, takes over a stale one
// (its process gone) under a guard, so that two compiles that find one stale lock never both take it,
// and gives up with a WriteFailure (not an internal error) after its wait.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockGenerated } from '../../compiler/pipeline/write-lock';
import { makeProject, removeProject } from '../support/project';

/** A process that stays alive until killed (a compile holding a lock or a guard). */
async function withLiveProcess<T>(run: (pid: number) => T | Promise<T>): Promise<T> {
  const other: ChildProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
  try {
    return await run(other.pid!);
  } finally {
    other.kill();
    await new Promise((resolve) => other.once('exit', resolve));
  }
}

const gonePid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

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

  it('leaves alone a lock that a live compile took after this one found it stale', async () => {
    const root = project();
    const path = join(root, LOCK_FILE);
    writeFileSync(path, `${gonePid()}\n`);
    await withLiveProcess((live) => {
      // Between the stale check and the takeover, the stale lock is released and a live compile takes it.
      expect(() => lockGenerated(root, 100, { afterStaleCheck: () => writeFileSync(path, `${live}\n`) })).toThrow(expect.objectContaining({ name: 'WriteFailure' }));
      expect(readFileSync(path, 'utf8')).toBe(`${live}\n`);
    });
  });

  it('waits while another compile holds the takeover guard, and clears a guard its process left', async () => {
    const root = project();
    const path = join(root, LOCK_FILE);
    const guard = `${path}.takeover`;
    writeFileSync(path, `${gonePid()}\n`);
    await withLiveProcess((live) => {
      writeFileSync(guard, `${live}\n`);
      expect(() => lockGenerated(root, 100)).toThrow(expect.objectContaining({ name: 'WriteFailure' }));
      expect(existsSync(guard)).toBe(true);
    });
    writeFileSync(guard, `${gonePid()}\n`);
    const release = lockGenerated(root, 1000);
    expect(readFileSync(path, 'utf8')).toBe(`${process.pid}\n`);
    expect(existsSync(guard)).toBe(false);
    release();
    expect(readdirSync(root).filter((f) => f.startsWith(LOCK_FILE))).toEqual([]);
  });

  it('does not remove on release a lock that is no longer its own', () => {
    const root = project();
    const path = join(root, LOCK_FILE);
    const release = lockGenerated(root);
    writeFileSync(path, '12345\n'); // taken over by another compile, e.g. after this one stalled
    release();
    expect(readFileSync(path, 'utf8')).toBe('12345\n');
  });

  it('waits on a lock being created (no pid written yet), and takes over one left so by a compile that died', () => {
    const root = project();
    const path = join(root, LOCK_FILE);
    writeFileSync(path, '');
    expect(() => lockGenerated(root, 100)).toThrow(expect.objectContaining({ name: 'WriteFailure' }));
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(path, old, old);
    lockGenerated(root, 100)();
    expect(existsSync(path)).toBe(false);
  });

  it('lets one process at a time in when several find the same stale lock', async () => {
    const root = project();
    writeFileSync(join(root, LOCK_FILE), `${gonePid()}\n`);
    const dir = mkdtempSync(join(tmpdir(), 'eventroutes-lock-'));
    try {
      const bundle = join(dir, 'write-lock.cjs');
      buildSync({ entryPoints: [join(__dirname, '../../compiler/pipeline/write-lock.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'silent' });
      // Each child takes the lock, marks that it is inside (exclusively: a second one inside fails),
      // stays a moment, and leaves. They start together, on the stale lock.
      const inside = JSON.stringify(join(root, 'inside'));
      const child = `
        const { writeFileSync, rmSync } = require('node:fs');
        const { lockGenerated } = require(${JSON.stringify(bundle)});
        const start = Number(process.argv[1]);
        while (Date.now() < start) {}
        const release = lockGenerated(${JSON.stringify(root)}, 20000);
        try { writeFileSync(${inside}, String(process.pid), { flag: 'wx' }); } catch { console.log('OVERLAP'); process.exit(1); }
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        rmSync(${inside});
        release();
        console.log('DONE');`;
      const start = String(Date.now() + 1500);
      const outputs = Array.from({ length: 6 }, () => {
        const c = spawn(process.execPath, ['-e', child, start]);
        let out = '';
        c.stdout.on('data', (d: Buffer) => (out += d.toString()));
        return new Promise<string>((resolve) => c.on('exit', (code) => resolve(`${out.trim()} ${code}`)));
      });
      expect(await Promise.all(outputs)).toEqual(Array(6).fill('DONE 0'));
      expect(readdirSync(root).filter((f) => f.startsWith(LOCK_FILE) || f === 'inside')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
