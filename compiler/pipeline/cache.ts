// The compile cache, keyed by content hashes, in node_modules/.cache/eventroutes/ (never committed):
//   - per route file: its parsed value and its own (per-file) diagnostics, so that a recompile parses
//     only the files that changed;
//   - per schema and values: the result of checking examples and test events against event schemas;
//   - per route content: its filter checks and route test results;
//   - the last successful run: a key over every input and the outputs it wrote, so that a recompile
//     with no change only hashes the inputs, checks the outputs are untouched, and prints the summary.
// A cache entry is only a shortcut: deleting the folder never changes what compile produces.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { InstanceMemo, InstanceResult } from '../validate/instance-checks';
import type { RouteCheck, RouteCheckMemo } from '../validate/route-checks';

export const CACHE_DIR = 'node_modules/.cache/eventroutes';
const STATE_FILE = 'state.json';

/** Per-file diagnostics as cached: already located in that file (file name added on use). */
export type FileDiagnostic = Omit<Diagnostic, 'file'>;

export interface FileEntry {
  /** The parsed document (undefined when it could not be read). */
  value: unknown;
  diagnostics: FileDiagnostic[];
  /** Pointers of values with shape errors (see RouteFileInput). */
  shapeErrors: string[];
}

export interface LastRun {
  key: string;
  /** Schema files the route files referenced (their hashes are part of the key). */
  schemaFiles: string[];
  outputs: Record<string, { size: number; mtimeMs: number }>;
  diagnostics: Diagnostic[];
  summary: unknown;
}

export interface CacheState {
  build: string;
  files: Record<string, FileEntry>;
  instances: Record<string, InstanceResult>;
  routes: Record<string, RouteCheck>;
  lastRun: LastRun | null;
}

export class CompileCache implements InstanceMemo, RouteCheckMemo {
  readonly dir: string;
  private state: CacheState;
  private readonly usedFiles = new Set<string>();
  private readonly usedInstances = new Set<string>();
  private readonly usedRoutes = new Set<string>();

  private constructor(dir: string, state: CacheState) {
    this.dir = dir;
    this.state = state;
  }

  /** Opens the cache of the project at `root`; `build` identifies the compiler build (a new build starts empty). */
  static open(root: string, build: string): CompileCache {
    const dir = join(root, CACHE_DIR);
    let state: CacheState = { build, files: {}, instances: {}, routes: {}, lastRun: null };
    try {
      const loaded = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as CacheState;
      if (loaded.build === build) state = loaded;
    } catch {
      // no cache yet, or unreadable: start empty
    }
    return new CompileCache(dir, state);
  }

  get lastRun(): LastRun | null {
    return this.state.lastRun;
  }

  file(hash: string): FileEntry | undefined {
    const entry = this.state.files[hash];
    if (entry) this.usedFiles.add(hash);
    return entry;
  }

  putFile(hash: string, entry: FileEntry): void {
    this.state.files[hash] = entry;
    this.usedFiles.add(hash);
  }

  instances(key: string): InstanceResult | undefined {
    const entry = this.state.instances[key];
    if (entry) this.usedInstances.add(key);
    return entry;
  }

  putInstances(key: string, result: InstanceResult): void {
    this.state.instances[key] = result;
    this.usedInstances.add(key);
  }

  routeCheck(key: string): RouteCheck | undefined {
    const entry = this.state.routes[key];
    if (entry) this.usedRoutes.add(key);
    return entry;
  }

  putRouteCheck(key: string, check: RouteCheck): void {
    this.state.routes[key] = check;
    this.usedRoutes.add(key);
  }

  /** Writes the cache, keeping only the entries this run used (so it never grows without bound). */
  save(lastRun: LastRun | null): void {
    const files: Record<string, FileEntry> = {};
    for (const hash of this.usedFiles) files[hash] = this.state.files[hash];
    const instances: Record<string, InstanceResult> = {};
    for (const key of this.usedInstances) instances[key] = this.state.instances[key];
    const routes: Record<string, RouteCheck> = {};
    for (const key of this.usedRoutes) routes[key] = this.state.routes[key];
    this.state = { build: this.state.build, files, instances, routes, lastRun };
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = join(this.dir, `${STATE_FILE}.${process.pid}`);
      writeFileSync(tmp, JSON.stringify(this.state));
      renameSync(tmp, join(this.dir, STATE_FILE));
    } catch {
      // A read-only tree: compile still works, only without the cache.
    }
  }
}

/** Size and mtime of each output, to notice when someone edited or deleted a generated file. */
export function outputStamps(root: string, paths: readonly string[]): Record<string, { size: number; mtimeMs: number }> {
  const out: Record<string, { size: number; mtimeMs: number }> = {};
  for (const path of paths) {
    try {
      const s = statSync(join(root, path));
      out[path] = { size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      // missing: not stamped, so the next run will not trust it
    }
  }
  return out;
}

export function outputsUntouched(root: string, outputs: LastRun['outputs']): boolean {
  for (const [path, stamp] of Object.entries(outputs)) {
    if (!existsSync(join(root, path))) return false;
    const s = statSync(join(root, path));
    if (s.size !== stamp.size || s.mtimeMs !== stamp.mtimeMs) return false;
  }
  return true;
}
