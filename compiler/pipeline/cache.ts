// The compile cache, keyed by content hashes, in node_modules/.cache/eventroutes/ (never committed):
//   - per route file: its parsed value and its own (per-file) diagnostics, so that a recompile parses
//     only the files that changed;
//   - per event schema: the meta-schema's verdict;
//   - per schema and values: the result of checking examples and test events against event schemas;
//   - per route (its content, and what its checks read of its event types): its filter checks, pattern
//     quotas, route test results and its test events' verdicts;
//   - per route file and everything its model entries read: their digests and what their checks found
//     (see digest-seeds.ts);
// in SHARDS files per section under memo/ (a compile reads only the files of the entries it asks for,
// and rewrites only the files it added entries to, with the entries it used), and
//   - the last successful run (its own small file): a key over every input, the route files it read
//     (size, mtime, hash: see sources.ts) and the outputs it wrote, so that a recompile with no change
//     only stats inputs and outputs and prints the summary, without loading the rest.
// A cache entry is only a shortcut: deleting the folder never changes what compile produces.
import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readText, replaceFile, statIfExists, writeText } from '../load/text-io';
import type { Diagnostic, UnlocatedDiagnostic } from '../diagnostics/diagnostic';
import type { MetaSchemaErrors, MetaSchemaMemo } from '../validate/event-schemas';
import type { InstanceMemo, InstanceResult } from '../validate/instance-checks';
import type { RouteCheck, RouteCheckMemo } from '../validate/route-checks';
import type { DigestSeedMemo, DigestSeeds } from './digest-seeds';
import type { SchemaRefs } from '../load/schema-files';
import type { RouteTestResult } from '../validate/route-tests';
import { GENERATED_DIR, type OutputReads, type OutputStamp } from './write-output';
import type { KnownSources, ProjectSources } from './sources';
import { readSourceFile } from '../load/source-files';
import { EVERY_FILE, type KnownTree, type TreeLister } from './listing';

export const CACHE_DIR = 'node_modules/.cache/eventroutes';
const MEMO_DIR = 'memo';
const LAST_RUN_FILE = 'last-run.json';

/** Per-file diagnostics as cached: already located in that file (file name added on use). */
export type FileDiagnostic = Omit<Diagnostic, 'file'>;

export interface FileEntry {
  /** The parsed document (undefined when it could not be read). */
  value: unknown;
  diagnostics: FileDiagnostic[];
  /** Pointers of values with shape errors (see RouteFileInput). */
  shapeErrors: string[];
  /** The digest of what other files' model entries may read of this one (see digest-seeds.ts). */
  interface?: string;
  /**
   * The `$ref`s its event schemas hold: none, only local ones (`#/definitions/...`), or some to schema
   * files (undefined: not known, as in older entries).
   */
  schemaRefs?: SchemaRefs;
}

export interface LastRun {
  key: string;
  /** The route files it read (see pipeline/sources.ts). */
  sources?: KnownSources;
  /** The folders it listed under handlers/ and generated/ (see pipeline/listing.ts). */
  trees?: { handlers?: KnownTree; generated?: KnownTree };
  /** Schema files the route files referenced (their hashes are part of the key). */
  schemaFiles: string[];
  /** Stamps of the generated files it wrote or found unchanged (see write-output). */
  outputs: Record<string, OutputStamp>;
  diagnostics: Diagnostic[];
  /** What `check` reports of the same input: `diagnostics` without compile's own (orphan handlers). */
  checkDiagnostics?: Diagnostic[];
  summary: unknown;
}

/**
 * The key of a run's input: the compiler build, every route file's path and hash, the schema files'
 * (read now: a change to one changes the key), and the handler files there are.
 */
export function runKey(root: string, build: string, sources: ProjectSources, schemaFiles: readonly string[], handlers: readonly string[]): string {
  const h = createHash('sha1').update(build);
  for (const f of sources.files) h.update(`\u0000${f.path}\u0000${f.hash}`);
  for (const path of schemaFiles) {
    const read = readSourceFile(root, path);
    h.update(`\u0001${path}\u0000${read.ok ? read.file.hash : 'missing'}`);
  }
  h.update(`\u0002${handlers.join('\u0000')}`);
  return h.digest('hex');
}

// What the cache holds is read back as this build wrote it, else not at all: an entry damaged by hand or
// by a disk is a miss (the work is done again), never printed from or run on.
const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Diagnostics as stored (with their file, or without it for a file's own: FileDiagnostic): each is printed as it is. */
function isDiagnosticList(v: unknown, withFile: boolean): boolean {
  return (
    Array.isArray(v) &&
    v.every((d: Partial<Diagnostic>) => isObject(d) && typeof d.code === 'string' && (!withFile || typeof d.file === 'string') && typeof d.message === 'string' && typeof d.line === 'number' && typeof d.column === 'number' && typeof d.severity === 'string')
  );
}

/** An unlocated diagnostic as stored (located when printed). */
function isUnlocated(d: Partial<UnlocatedDiagnostic>): boolean {
  return isObject(d) && typeof d.code === 'string' && typeof d.severity === 'string' && typeof d.pointer === 'string' && typeof d.message === 'string';
}

/** A record as this build writes it (one damaged by hand or by a disk is ignored: the run is a full one). */
function isLastRun(run: unknown): run is LastRun {
  const r = run as Partial<LastRun> | null;
  return isObject(r) && typeof r.key === 'string' && Array.isArray(r.schemaFiles) && isObject(r.outputs) && isDiagnosticList(r.diagnostics, true) && (r.checkDiagnostics === undefined || isDiagnosticList(r.checkDiagnostics, true)) && isObject(r.summary);
}

type Section = 'files' | 'instances' | 'routes' | 'schemas' | 'digests';

/** Files per memo section: a compile that changed a few entries rewrites a few small files. */
const SHARDS = 16;

function shardOf(key: string): number {
  return (key.charCodeAt(key.length - 1) + 7 * key.charCodeAt(key.length - 2 < 0 ? 0 : key.length - 2)) % SHARDS;
}

/** One memo file: the entries of one shard of a section, for one compiler build. */
interface ShardFile {
  build: string;
  entries: Record<string, unknown>;
}

function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readText(path)) as T;
  } catch {
    return undefined; // no cache yet, or unreadable: start empty
  }
}

function writeJson(dir: string, name: string, value: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `${name}.${process.pid}`);
    writeText(tmp, JSON.stringify(value));
    replaceFile(tmp, join(dir, name));
  } catch {
    // A read-only tree: compile still works, only without the cache.
  }
}

export class CompileCache implements InstanceMemo, RouteCheckMemo, MetaSchemaMemo, DigestSeedMemo {
  readonly dir: string;
  private readonly build: string;
  /** Loaded shards of each section: their entries (undefined: not read yet). */
  private readonly sections = new Map<Section, (Record<string, unknown> | undefined)[]>();
  private readonly used: Record<Section, Set<string>> = { files: new Set(), instances: new Set(), routes: new Set(), schemas: new Set(), digests: new Set() };
  private readonly added: Record<Section, Set<number>> = { files: new Set(), instances: new Set(), routes: new Set(), schemas: new Set(), digests: new Set() };
  private readonly last: LastRun | null;

  private constructor(dir: string, build: string, last: LastRun | null) {
    this.dir = dir;
    this.build = build;
    this.last = last;
  }

  /** Opens the cache of the project at `root`; `build` identifies the compiler build (a new build starts empty). */
  static open(root: string, build: string): CompileCache {
    const dir = join(root, CACHE_DIR);
    const last = readJson<{ build: string; run: unknown }>(join(dir, LAST_RUN_FILE));
    return new CompileCache(dir, build, last && last.build === build && isLastRun(last.run) ? last.run : null);
  }

  get lastRun(): LastRun | null {
    return this.last;
  }

  private shardFile(section: Section, shard: number): string {
    return `${section}.${shard}.json`;
  }

  /**
   * The entries of one shard of a section, read on first use (a no-change compile reads none; a
   * recompile after an edit, only the shards of the entries it asks for).
   */
  private shard(section: Section, n: number): Record<string, unknown> {
    let shards = this.sections.get(section);
    if (!shards) this.sections.set(section, (shards = Array.from({ length: SHARDS }, () => undefined)));
    let entries = shards[n];
    if (!entries) {
      const loaded = readJson<ShardFile>(join(this.dir, MEMO_DIR, this.shardFile(section, n)));
      entries = loaded && loaded.build === this.build && loaded.entries && typeof loaded.entries === 'object' ? loaded.entries : {};
      shards[n] = entries;
    }
    return entries;
  }

  private get<T>(section: Section, key: string): T | undefined {
    const shard = this.shard(section, shardOf(key));
    const entry = Object.hasOwn(shard, key) ? (shard[key] as T) : undefined;
    if (entry !== undefined) this.used[section].add(key);
    return entry;
  }

  private put(section: Section, key: string, value: unknown): void {
    const n = shardOf(key);
    this.shard(section, n)[key] = value;
    this.used[section].add(key);
    this.added[section].add(n);
  }

  file(hash: string): FileEntry | undefined {
    const entry = this.get<FileEntry>('files', hash);
    // A damaged entry is a miss (the file is parsed again): its diagnostics are printed as they are.
    return entry !== undefined && isObject(entry) && Array.isArray(entry.shapeErrors) && isDiagnosticList(entry.diagnostics, false) && (entry.interface === undefined || typeof entry.interface === 'string') && (entry.schemaRefs === undefined || entry.schemaRefs === 'none' || entry.schemaRefs === 'local' || entry.schemaRefs === 'files') ? entry : undefined;
  }

  putFile(hash: string, entry: FileEntry): void {
    this.put('files', hash, entry);
  }

  instances(key: string): InstanceResult | undefined {
    const entry = this.get<InstanceResult>('instances', key);
    return entry !== undefined && isObject(entry) && (('problems' in entry && isStrings(entry.problems)) || ('compileError' in entry && typeof entry.compileError === 'string')) ? entry : undefined;
  }

  putInstances(key: string, result: InstanceResult): void {
    this.put('instances', key, result);
  }

  routeCheck(key: string): RouteCheck | undefined {
    const entry = this.get<RouteCheck>('routes', key);
    const isTest = (t: Partial<RouteTestResult>): boolean => isObject(t) && typeof t.route === 'string' && typeof t.file === 'string' && typeof t.index === 'number' && typeof t.name === 'string' && typeof t.expected === 'boolean' && typeof t.actual === 'boolean' && isStrings(t.reasons);
    return entry !== undefined && isObject(entry) && Array.isArray(entry.diagnostics) && entry.diagnostics.every(isUnlocated) && Array.isArray(entry.tests) && entry.tests.every(isTest) && typeof entry.wildcard === 'boolean' ? entry : undefined;
  }

  putRouteCheck(key: string, check: RouteCheck): void {
    this.put('routes', key, check);
  }

  metaSchemaErrors(key: string): MetaSchemaErrors | undefined {
    const entry = this.get<MetaSchemaErrors>('schemas', key);
    return Array.isArray(entry) && entry.every((e) => isObject(e) && typeof e.instancePath === 'string' && typeof e.message === 'string') ? entry : undefined;
  }

  putMetaSchemaErrors(key: string, errors: MetaSchemaErrors): void {
    this.put('schemas', key, errors);
  }

  digestSeeds(key: string): DigestSeeds | undefined {
    const entry = this.get<DigestSeeds>('digests', key);
    const isDigest = (d: unknown): boolean => typeof d === 'string' && d.length > 0;
    return entry !== undefined &&
      isObject(entry) &&
      isObject(entry.routes) &&
      Object.values(entry.routes).every(isDigest) &&
      isObject(entry.eventTypes) &&
      Object.values(entry.eventTypes).every((d) => Array.isArray(d) && d.length === 2 && d.every(isDigest)) &&
      (entry.checks === undefined || (isObject(entry.checks) && Array.isArray(entry.checks.diagnostics) && entry.checks.diagnostics.every(isUnlocated) && isStrings(entry.checks.wildcard)))
      ? entry
      : undefined;
  }

  putDigestSeeds(key: string, seeds: DigestSeeds): void {
    this.put('digests', key, seeds);
  }

  /** Writes the cache: the memo (saveMemo) and the record of this successful run. */
  save(lastRun: LastRun): void {
    this.saveMemo();
    writeJson(this.dir, LAST_RUN_FILE, { build: this.build, run: lastRun });
  }

  /**
   * Writes each memo shard this run added to, with only the entries this run used (so it never grows
   * without bound); the last successful compile's record stays as it is (a failed compile, `check` and
   * `test` save only this).
   */
  saveMemo(): void {
    for (const [section, shards] of this.sections) {
      const kept: Record<string, unknown>[] = Array.from({ length: SHARDS }, () => ({}));
      for (const key of this.used[section]) {
        const shard = shardOf(key);
        kept[shard]![key] = shards[shard]![key]; // used: read or put, so loaded
      }
      shards.forEach((_, shard) => {
        // A shard is written when this run added to it, keeping only what the run used; one it only read
        // stays as it is (its unused entries go when it is next written), so that a run after a cold
        // compile, which uses less of the memo, does not rewrite it all.
        if (!this.added[section].has(shard)) return;
        writeJson(join(this.dir, MEMO_DIR), this.shardFile(section, shard), { build: this.build, entries: kept[shard]! } satisfies ShardFile);
      });
    }
  }
}

/**
 * The content of a generated file the last run stamped, if its size and mtime still match the stamp;
 * recorded in `reads` (see OutputReads), when given.
 */
export function untouchedOutput(root: string, path: string, stamp: OutputStamp | undefined, reads?: OutputReads): { content: string; hash: string; key?: string } | undefined {
  if (!stamp) return undefined;
  try {
    const full = join(root, path);
    const s = statSync(full);
    if (s.size !== stamp.size || s.mtimeMs !== stamp.mtimeMs) return undefined;
    const content = readText(full);
    reads?.set(path, { size: s.size, mtimeMs: s.mtimeMs, content });
    return { content, hash: stamp.hash, key: stamp.key };
  } catch {
    return undefined;
  }
}

/**
 * Whether generated/ holds no file but the last run's outputs (one put there by hand is removed by a
 * full run); listed through `lister` (see listing.ts).
 */
export function noStrayOutputs(root: string, outputs: LastRun['outputs'], lister: TreeLister): boolean {
  for (const rel of lister.files(join(root, GENERATED_DIR), EVERY_FILE)) if (!Object.hasOwn(outputs, `${GENERATED_DIR}/${rel}`)) return false;
  return true;
}

export function outputsUntouched(root: string, outputs: LastRun['outputs']): boolean {
  for (const [path, stamp] of Object.entries(outputs)) {
    const s = statIfExists(join(root, path));
    if (!s || s.size !== stamp.size || s.mtimeMs !== stamp.mtimeMs) return false;
  }
  return true;
}
