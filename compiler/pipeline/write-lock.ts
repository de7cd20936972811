// One writer of generated/ at a time: two compiles of one project (`compile --watch` and a compile run by
// hand, two terminals, an editor task) share the staging folder and the journal, so each takes a lock
// file (created exclusively, holding its pid) for its write, and waits while another holds it. A lock
// whose process is gone, or older than STALE_MS (a write takes seconds), is stale and taken over.
// The CDK app reads generated/model.json under the same lock (cdk/synthesize.ts, readModel).
//
// Taking over is guarded: a compile that finds the lock stale takes a second lock file (the guard,
// created exclusively, held for microseconds), checks again that the lock is stale, and puts its own
// lock in its place by renaming over it. Without the guard, two compiles that both found the same stale
// lock could both take the lock: the second would delete the lock the first had just created.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.generated.lock';
const STALE_MS = 120_000;
/** A guard is held for a rename: one this old belongs to a compile that died holding it. */
const GUARD_STALE_MS = 5_000;
const POLL_MS = 25;

/** generated/ could not be written: the file system's problem (or another compile's lock), not the input's. */
export class WriteFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WriteFailure';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, but not ours
  }
}

function ownerOf(path: string): number | undefined {
  try {
    return Number(readFileSync(path, 'latin1').trim());
  } catch {
    return undefined;
  }
}

/** Whether the lock (or guard) at `path` belongs to no running compile. */
function stale(path: string, maxAgeMs: number): boolean {
  try {
    const text = readFileSync(path, 'latin1').trim();
    const age = Date.now() - statSync(path).mtimeMs;
    // No pid yet: just created, its pid about to be written (or a compile died in between: then it ages).
    if (!/^[1-9][0-9]*$/.test(text)) return age > GUARD_STALE_MS;
    const pid = Number(text);
    // Our own pid: left by an earlier process that had it (this process holds the lock only in
    // synchronous code, so never while it asks for it again).
    if (pid === process.pid || !alive(pid)) return true;
    return age > maxAgeMs;
  } catch {
    return false; // just released: try again
  }
}

/** For tests: runs between finding the lock stale and taking it over (where another compile may act). */
export interface LockHooks {
  afterStaleCheck?: () => void;
}

/** Replaces the stale lock at `path` with ours, under the guard; false when it is not ours to take. */
function takeOver(path: string, hooks: LockHooks): boolean {
  const guard = `${path}.takeover`;
  try {
    writeFileSync(guard, `${process.pid}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST' && stale(guard, GUARD_STALE_MS)) rmSync(guard, { force: true });
    return false; // another compile is taking it over (or the folder is read-only): look again
  }
  try {
    hooks.afterStaleCheck?.();
    // Still stale? It may have been released, and taken by a live compile, since we looked.
    if (!stale(path, STALE_MS)) return false;
    const mine = `${path}.${process.pid}`;
    writeFileSync(mine, `${process.pid}\n`);
    try {
      renameSync(mine, path); // in one step: no moment without a lock for a third compile to take
    } catch (err) {
      rmSync(mine, { force: true });
      throw err;
    }
    return true;
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the write lock of the project at `root` (waiting up to `waitMs`); returns its release. */
export function lockGenerated(root: string, waitMs = STALE_MS, hooks: LockHooks = {}): () => void {
  const path = join(root, LOCK_FILE);
  const until = Date.now() + waitMs;
  // The lock is removed only while it is still ours (a compile stalled past STALE_MS may have lost it).
  const release = (): void => {
    if (ownerOf(path) === process.pid) rmSync(path, { force: true });
  };
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return release;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // A folder that cannot hold the lock (read-only): the write itself reports the problem.
        return () => {};
      }
    }
    if (stale(path, STALE_MS)) {
      try {
        if (takeOver(path, hooks)) return release;
      } catch {
        // the folder changed under us (e.g. removed): look again
      }
    }
    if (Date.now() > until) throw new WriteFailure(`another eventroutes compile is writing generated/ (${path}); try again when it is done, or delete that file if no compile is running`);
    sleep(POLL_MS);
  }
}
