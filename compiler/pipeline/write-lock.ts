// One writer of generated/ at a time: two compiles of one project (`compile --watch` and a compile run by
// hand, two terminals, an editor task) share the staging folder and the journal, so each takes a lock
// file (created exclusively, holding its pid) for its write, and waits while another holds it. A lock
// whose process is gone, or older than STALE_MS (a write takes seconds), is stale and taken over.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.generated.lock';
const STALE_MS = 120_000;
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

/** Whether the lock at `path` belongs to no running compile. */
function stale(path: string): boolean {
  try {
    const pid = Number(readFileSync(path, 'latin1').trim());
    // Our own pid: left by an earlier process that had it (this process holds the lock only in
    // synchronous code, so never while it asks for it again).
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return true;
    return Date.now() - statSync(path).mtimeMs > STALE_MS;
  } catch {
    return false; // just released, or being written: try again
  }
}

/** Takes the write lock of the project at `root` (waiting up to `waitMs`); returns its release. */
export function lockGenerated(root: string, waitMs = STALE_MS): () => void {
  const path = join(root, LOCK_FILE);
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        // A folder that cannot hold the lock (read-only): the write itself reports the problem.
        return () => {};
      }
    }
    if (stale(path)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() > until) throw new WriteFailure(`another eventroutes compile is writing generated/ (${path}); try again when it is done, or delete that file if no compile is running`);
    sleep(POLL_MS);
  }
}
