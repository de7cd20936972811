// A memo of expensive generated text by content hash, kept in `EmitContext.cacheDir` between
// compiles (e.g. the TypeScript of each event schema). One JSON file per memo; entries not used by a
// compile are dropped when it saves, so the file never outgrows the project. Without a cache folder
// (or with an unreadable file) the memo starts empty: the output is the same, only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Memo {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Writes the memo when an entry was added or one went unused; a failed write is ignored. */
  save(): void;
}

interface MemoFile {
  version: string;
  entries: Record<string, string>;
}

/** The hash of some JSON-serializable input: the memo key. */
export function contentKey(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

/** Opens memo `name` in `cacheDir`; `version` invalidates every entry when it changes. */
export function openMemo(cacheDir: string | undefined, name: string, version: string): Memo {
  const file = cacheDir === undefined ? undefined : join(cacheDir, `${name}.json`);
  let stored: Record<string, string> = {};
  if (file !== undefined) {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<MemoFile>;
      if (parsed.version === version && parsed.entries && typeof parsed.entries === 'object') stored = parsed.entries;
    } catch {
      stored = {};
    }
  }
  const used = new Map<string, string>();
  let added = false;
  return {
    get(key) {
      const value = Object.hasOwn(stored, key) ? stored[key] : undefined;
      if (typeof value === 'string') used.set(key, value);
      return typeof value === 'string' ? value : undefined;
    },
    set(key, value) {
      used.set(key, value);
      added = true;
    },
    save() {
      if (file === undefined || cacheDir === undefined) return;
      if (!added && used.size === Object.keys(stored).length) return;
      const entries = Object.fromEntries([...used.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(tmp, JSON.stringify({ version, entries } satisfies MemoFile));
        renameSync(tmp, file);
      } catch {
        // A cache that cannot be written costs time on the next compile, never correctness.
      }
    },
  };
}
