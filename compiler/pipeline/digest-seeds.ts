// Digests of model entries carried over from the last run, so that a recompile after editing one file
// does not serialize and hash the routes and event types of every other file again (memo keys and the
// pieces of model.json are their digests: see model/json-text.ts).
//
// A route or event type is built from its own file and from what other files declare for everyone:
// event types (their source, detail-type, bus, schema, examples), buses, topics, queues, log groups,
// API destinations, tables, buckets, defaults and the project name; and from the schema files that
// event schemas reference. A file's *interface* is all of its parsed value but its routes and the
// descriptions of its event types (nothing outside an event type reads them), with its shape errors
// (they decide which declarations are trusted). The entries of a file are then a function of its path
// and content, every file's interface and the schema files (and of the compiler build: the memo is per
// build). A run records the digests it computed under exactly that, the file's *seed key*; a later run
// with the same seed key for a file gives that file's entries the recorded digests without computing them.
// Editing a route, or an event type's description, changes one file's seed key; editing anything in
// an interface changes every seed key, and the run computes every digest (as without seeds).
//
// (Functions and queues, made from several files, are digested anew: recording them measured slower
// than serializing them, the records being read by every run.)
//
// The checks of a file's event types and routes (meta-schema, examples, filters, route tests, test
// events, pattern quotas) read only what the seed key covers, so a record also keeps their outcome:
// the file's diagnostics from them (warnings: records come from runs without errors) and its routes
// that use wildcard patterns. A run that does not need every route test's result (compile, check)
// takes that outcome instead of checking such a file's entries again (see settled).
import type { FileEntry } from './cache';
import type { SchemaFiles } from '../load/schema-files';
import { digest } from '../model/digest';
import { knownDigest, seedDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';
import type { UnlocatedDiagnostic } from '../diagnostics/diagnostic';

/** Recorded digests of one file's entries: routes by name, event types by name (entry and schema). */
export interface DigestSeeds {
  routes: Record<string, string>;
  eventTypes: Record<string, [entry: string, schema: string]>;
  /** The outcome of the checks of the file's entries (see above). */
  checks?: FileChecks;
}

/** What the checks of one file's entries found: their diagnostics, and its routes with wildcard patterns. */
export interface FileChecks {
  diagnostics: UnlocatedDiagnostic[];
  wildcard: string[];
}

/** The files whose entries' checks a run takes from their records, and what those found. */
export interface SettledChecks {
  files: ReadonlySet<string>;
  diagnostics: { file: string; diagnostic: UnlocatedDiagnostic }[];
  wildcard: string[];
}

export interface DigestSeedMemo {
  digestSeeds(key: string): DigestSeeds | undefined;
  putDigestSeeds(key: string, seeds: DigestSeeds): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Event type declarations without their descriptions (other keys and non-object values as they are). */
function withoutDescriptions(section: unknown): unknown {
  if (!isRecord(section)) return section;
  const out: Record<string, unknown> = {};
  for (const [name, decl] of Object.entries(section)) {
    if (!isRecord(decl)) out[name] = decl;
    else {
      const { description: _, ...rest } = decl;
      out[name] = rest;
    }
  }
  return out;
}

/** The digest of a route file's interface (see above), from its cached parse. */
export function interfaceDigest(entry: Pick<FileEntry, 'value' | 'shapeErrors'>): string {
  let shown: unknown = entry.value ?? null;
  if (isRecord(shown)) {
    const { routes: _, events, sources, ...rest } = shown;
    shown = { ...rest, events: withoutDescriptions(events), sources: withoutDescriptions(sources) };
  }
  return digest('sha1', JSON.stringify([shown, entry.shapeErrors]), 'base64url');
}

/** The seed key of every route file (path to key), given each file's hash and interface digest. */
export function seedKeys(files: readonly { path: string; hash: string; interface: string }[], schemaFiles: SchemaFiles): Map<string, string> {
  const parts: string[] = [];
  for (const f of files) parts.push(`${f.path}\u0000${f.interface}`);
  for (const path of [...schemaFiles.keys()].sort()) parts.push(`\u0001${path}\u0000${schemaFiles.get(path)!.hash}`);
  const all = digest('sha1', parts.join('\u0002'), 'base64url');
  return new Map(files.map((f) => [f.path, digest('sha1', `${all}\u0000${f.path}\u0000${f.hash}`, 'base64url')]));
}

const own = <T>(record: Record<string, T> | undefined, name: string): T | undefined => (record && Object.hasOwn(record, name) ? record[name] : undefined);

/**
 * Digest seeds for one run: `apply` gives the model's entries the digests recorded for them (before the
 * checks and emitters ask for digests), `save` records those the run computed (at its end).
 */
export class DigestSeeding {
  /** Per-file records read, by file path. */
  private readonly records = new Map<string, DigestSeeds | undefined>();

  constructor(
    private readonly keys: ReadonlyMap<string, string>,
    private readonly memo: DigestSeedMemo,
  ) {}

  private record(file: string): DigestSeeds | undefined {
    if (!this.records.has(file)) {
      const key = this.keys.get(file);
      this.records.set(file, key === undefined ? undefined : this.memo.digestSeeds(key));
    }
    return this.records.get(file);
  }

  /** Seeds the digests recorded for this run's keys; returns how many entries got one. */
  apply(model: RouteModel): number {
    let seeded = 0;
    const seed = (value: object, d: string | undefined): void => {
      if (d === undefined) return;
      seedDigest(value, d);
      seeded++;
    };
    for (const route of model.routes) seed(route, own(this.record(route.file)?.routes, route.name));
    for (const type of model.eventTypes) {
      const d = own(this.record(type.file)?.eventTypes, type.name);
      if (d === undefined) continue;
      seedDigest(type.detailSchema, d[1]);
      seed(type, d[0]);
    }
    return seeded;
  }

  /** The files of the model whose records hold the outcome of their checks (see above). */
  settled(model: RouteModel): SettledChecks {
    const files = new Set<string>();
    const out: SettledChecks = { files, diagnostics: [], wildcard: [] };
    for (const file of new Set([...model.routes.map((r) => r.file), ...model.eventTypes.map((t) => t.file)])) {
      const checks = this.record(file)?.checks;
      if (!checks) continue;
      files.add(file);
      for (const diagnostic of checks.diagnostics) out.diagnostics.push({ file, diagnostic });
      out.wildcard.push(...checks.wildcard);
    }
    return out;
  }

  /**
   * Records the digests this run has under the keys of their files (a file whose record is there
   * already keeps it: the same key stands for the same entries).
   */
  save(model: RouteModel, checks: ReadonlyMap<string, FileChecks>): void {
    // Only files without a record are collected for (after a one-file edit: that file). Maps first: a
    // name such as "__proto__" must become a key like any other.
    type Collected = { routes: Map<string, string>; eventTypes: Map<string, [string, string]> };
    const collected = new Map<string, Collected | null>();
    const into = (file: string): Collected | null => {
      if (!collected.has(file)) collected.set(file, this.keys.has(file) && this.record(file) === undefined ? { routes: new Map(), eventTypes: new Map() } : null);
      return collected.get(file)!;
    };
    for (const route of model.routes) {
      const d = knownDigest(route);
      if (d !== undefined) into(route.file)?.routes.set(route.name, d);
    }
    for (const type of model.eventTypes) {
      const entry = knownDigest(type);
      const schema = knownDigest(type.detailSchema);
      if (entry !== undefined && schema !== undefined) into(type.file)?.eventTypes.set(type.name, [entry, schema]);
    }
    for (const [file, seeds] of collected) {
      const key = this.keys.get(file);
      if (key === undefined || seeds === null) continue;
      this.memo.putDigestSeeds(key, { routes: Object.fromEntries(seeds.routes), eventTypes: Object.fromEntries(seeds.eventTypes), checks: checks.get(file) ?? { diagnostics: [], wildcard: [] } });
    }
  }
}
