// A memo of expensive generated text by content hash, kept in `EmitContext.cacheDir` between
// compiles (the TypeScript of each event schema, whole generated files). A memo is SHARDS JSON files
// (by the key's first character), so that a compile that changed one entry rewrites one small file;
// entries not used by a compile are dropped when it saves, so a memo never outgrows the project.
// Every memo is versioned by the code that fills it (a hash of the running compiler bundle and of
// the versions of the libraries whose output it holds): a new compiler never reads an old memo.
// Without a cache folder (or with an unreadable file) a memo starts empty: the output is the same,
// only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { jsonDigest } from '../../model/json-text';

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

/** The hash of some JSON-serializable input: a memo key. */
export function contentKey(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('base64url');
}

/**
 * The memo key of a model entry (which does not change while emitters run), computed once per run and
 * shared with the checks that key the same entries (see model/json-text.ts).
 */
export function objectKey(value: object): string {
  return jsonDigest(value);
}

/** Libraries whose output memos hold. */
const LIBRARIES = ['json-schema-to-typescript', 'handlebars'];

let version: string | undefined;

/** The version of the code that generates: the running compiler (its bundle, or this source file) and LIBRARIES. */
export function codeVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    try {
      hash.update(readFileSync(__filename));
    } catch {
      hash.update('unknown compiler');
    }
    const req = createRequire(__filename);
    for (const lib of LIBRARIES) {
      try {
        hash.update(`${lib}@${(JSON.parse(readFileSync(req.resolve(`${lib}/package.json`), 'utf8')) as { version: string }).version}`);
      } catch {
        hash.update(`${lib}@unknown`);
      }
    }
    version = hash.digest('base64url');
  }
  return version;
}

/** Files per memo. */
export const SHARDS = 16;

function shardOf(key: string): number {
  return (key.charCodeAt(0) || 0) % SHARDS;
}

/** Opens memo `name` in `cacheDir`; entries of another code version are ignored. */
export function openMemo(cacheDir: string | undefined, name: string): Memo {
  const current = cacheDir === undefined ? '' : codeVersion();
  const fileOf = (shard: number): string => join(cacheDir!, `${name}.${shard}.json`);
  const stored: Record<string, string>[] = Array.from({ length: SHARDS }, () => ({}));
  if (cacheDir !== undefined) {
    for (let shard = 0; shard < SHARDS; shard++) {
      try {
        const parsed = JSON.parse(readFileSync(fileOf(shard), 'utf8')) as Partial<MemoFile>;
        if (parsed.version === current && parsed.entries && typeof parsed.entries === 'object') stored[shard] = parsed.entries;
      } catch {
        // Missing or unreadable: that shard starts empty.
      }
    }
  }
  const used: Map<string, string>[] = Array.from({ length: SHARDS }, () => new Map());
  const added = new Set<number>();
  return {
    get(key) {
      const shard = shardOf(key);
      const value = Object.hasOwn(stored[shard]!, key) ? stored[shard]![key] : undefined;
      if (typeof value === 'string') used[shard]!.set(key, value);
      return typeof value === 'string' ? value : undefined;
    },
    set(key, value) {
      const shard = shardOf(key);
      used[shard]!.set(key, value);
      added.add(shard);
    },
    save() {
      if (cacheDir === undefined) return;
      for (let shard = 0; shard < SHARDS; shard++) {
        if (!added.has(shard) && used[shard]!.size === Object.keys(stored[shard]!).length) continue;
        const entries = Object.fromEntries([...used[shard]!.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        const file = fileOf(shard);
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          mkdirSync(cacheDir, { recursive: true });
          writeFileSync(tmp, JSON.stringify({ version: current, entries } satisfies MemoFile));
          renameSync(tmp, file);
        } catch {
          // A memo that cannot be written costs time on the next compile, never correctness.
        }
      }
    },
  };
}

/** The memoized value for `input`, computed (and remembered) when missing. */
export function memoized(memo: Memo, input: unknown, compute: () => string): string {
  const key = contentKey(input);
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  memo.set(key, value);
  return value;
}
