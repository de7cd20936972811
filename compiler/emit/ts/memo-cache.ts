// A memo of expensive generated text by content hash, kept in `EmitContext.cacheDir` between
// compiles (the TypeScript of each event schema, whole generated files). A memo is SHARDS text files
// (by the key's first character), so that a compile that changed one entry rewrites one small file;
// a shard a compile adds to is written with only the entries that compile used, so a memo never
// outgrows the project (a shard it only read stays as it is, unused entries and all, until then).
// Every memo is versioned by the code that fills it (the size and mtime of the running compiler
// bundle, and the versions of the libraries whose output it holds): a new compiler never reads an old memo.
// Without a cache folder (or with an unreadable file) a memo starts empty: the output is the same,
// only slower.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readText, replaceFile, writeText } from '../../load/text-io';
import { jsonDigest } from '../../model/json-text';
import { digest } from '../../model/digest';
import type { EmitContext, GeneratedFile } from '../types';

export interface Memo {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  /** Keeps the entry of `key`, if there is one, as used by this run, without reading it. */
  keep(key: string): void;
  /** Writes the shards an entry was added to (with the entries used); a failed write is ignored. */
  save(): void;
}

/** The hash of some JSON-serializable input: a memo key. */
export function contentKey(input: unknown): string {
  return digest('sha256', JSON.stringify(input), 'base64url');
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

/**
 * The version of the code that generates: the running compiler (its bundle, or this source file: its
 * size and time, as for the compile cache, see cli/commands/compile.ts) and LIBRARIES.
 */
export function codeVersion(): string {
  if (version === undefined) {
    const hash = createHash('sha256');
    try {
      const s = statSync(__filename);
      hash.update(`${s.size}-${s.mtimeMs}`);
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

/** The name of a memo's shard file (the format is MEMO_FORMAT's). */
export function shardFileName(name: string, shard: number): string {
  return `${name}.${shard}.memo`;
}

/**
 * A shard file is text, not JSON, so that reading one is a file read and string slices (memoized
 * values are generated code and JSON, which JSON would escape): a first line `MEMO_FORMAT <version>`,
 * one line `<key> <length>` per entry, an empty line, then the values one after the other.
 */
const MEMO_FORMAT = 'eventroutes-memo/1';

/** Keys are hashes; anything else is never stored (it could break the index). */
const STORABLE_KEY = /^[A-Za-z0-9_\-+/=.:]+$/;

export function parseShard(text: string, version: string): Map<string, string> {
  const entries = new Map<string, string>();
  const end = text.indexOf('\n\n');
  if (end === -1) return entries;
  const lines = text.slice(0, end).split('\n');
  if (lines[0] !== `${MEMO_FORMAT} ${version}`) return entries;
  let at = end + 2;
  for (const line of lines.slice(1)) {
    const space = line.indexOf(' ');
    const length = Number(line.slice(space + 1));
    if (space <= 0 || !Number.isInteger(length) || length < 0 || at + length > text.length) return new Map();
    entries.set(line.slice(0, space), text.slice(at, at + length));
    at += length;
  }
  return at === text.length ? entries : new Map();
}

export function formatShard(entries: ReadonlyMap<string, string>, version: string): string {
  const keys = [...entries.keys()].sort();
  return `${MEMO_FORMAT} ${version}\n${keys.map((k) => `${k} ${entries.get(k)!.length}\n`).join('')}\n${keys.map((k) => entries.get(k)!).join('')}`;
}

/**
 * Opens memo `name` in `cacheDir`; entries of another code version are ignored. A shard file is read
 * when one of its keys is first asked for: a compile that asks nothing of a memo (every handler stub
 * exists, say) reads none of it, and leaves it as it is.
 */
export function openMemo(cacheDir: string | undefined, name: string): Memo {
  const current = cacheDir === undefined ? '' : codeVersion();
  const fileOf = (shard: number): string => join(cacheDir!, shardFileName(name, shard));
  const stored: (Map<string, string> | undefined)[] = new Array(SHARDS).fill(undefined);
  const load = (shard: number): Map<string, string> => {
    let entries = stored[shard];
    if (!entries) {
      entries = new Map();
      if (cacheDir !== undefined) {
        try {
          entries = parseShard(readText(fileOf(shard)), current);
        } catch {
          // Missing or unreadable: that shard starts empty.
        }
      }
      stored[shard] = entries;
    }
    return entries;
  };
  const used: Map<string, string>[] = Array.from({ length: SHARDS }, () => new Map());
  const kept: string[][] = Array.from({ length: SHARDS }, () => []);
  const added = new Set<number>();
  return {
    get(key) {
      const shard = shardOf(key);
      const value = load(shard).get(key);
      if (value !== undefined) used[shard]!.set(key, value);
      return value;
    },
    set(key, value) {
      if (!STORABLE_KEY.test(key)) return;
      const shard = shardOf(key);
      used[shard]!.set(key, value);
      added.add(shard);
    },
    keep(key) {
      kept[shardOf(key)]!.push(key);
    },
    save() {
      if (cacheDir === undefined) return;
      for (let shard = 0; shard < SHARDS; shard++) {
        // Only where this compile added: a shard it only read, or never read, stays as it is.
        if (!added.has(shard)) continue;
        for (const key of kept[shard]!) {
          const value = used[shard]!.has(key) ? undefined : load(shard).get(key);
          if (value !== undefined) used[shard]!.set(key, value);
        }
        const file = fileOf(shard);
        const tmp = `${file}.${process.pid}.tmp`;
        try {
          mkdirSync(cacheDir, { recursive: true });
          writeText(tmp, formatShard(used[shard]!, current));
          replaceFile(tmp, file);
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

/**
 * Generated file `path`, made from memo entry `key`, when the last run wrote it from that key and it is
 * untouched since (EmitContext.unchanged): its content is read from disk only if asked for, and the memo
 * keeps the entry without reading it. Undefined otherwise: the caller looks the entry up, or makes it.
 */
export function unchangedFile(memo: Memo, context: EmitContext, path: string, key: string): GeneratedFile | undefined {
  if (!context.unchanged?.(path, key)) return undefined;
  memo.keep(key);
  let content: string | undefined;
  return {
    path,
    ownership: 'generated',
    key,
    get content(): string {
      content ??= context.previous?.(path)?.content ?? memo.get(key);
      if (content === undefined) throw new Error(`${path} changed while compiling: compile again`);
      return content;
    },
  };
}
