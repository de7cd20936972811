// Digests of model entries carried over from the last run, so that a recompile after editing one file
// does not serialize and hash the routes and event types of every other file again (memo keys and the
// pieces of model.json are their digests: see model/json-text.ts).
//
// A route or event type is built from its own file and from what other files declare for everyone:
// event types (their source, detail-type, bus, schema, examples), buses, topics, queues, log groups,
// API destinations, tables, buckets, defaults and the project name; and from the schema files that
// event schemas reference. A file's *interface* is all of its parsed value but its routes and the
// descriptions of its event types (nothing outside an event type reads them), with its shape errors
// (they decide which declarations are trusted). The entries of a file are then a function of
//   its path and content, every file's interface and the schema files (and the compiler build: the
//   memo is per build), and a run keys the digests it computed by exactly that (the *seed key* of the file). A later run with
// the same seed key for a file gives that file's entries the recorded digests without computing them.
// Editing a route, or an event type's description, changes one file's seed key; editing anything in
// an interface changes every seed key, and the run computes every digest (as without seeds).
import type { FileEntry } from './cache';
import type { SchemaFiles } from '../load/schema-files';
import { digest } from '../model/digest';
import { knownDigest, seedDigest } from '../model/json-text';
import type { RouteModel } from '../model/types';

/** Recorded digests of one file's entries: routes by name, event types by name (entry and schema). */
export interface DigestSeeds {
  routes: Record<string, string>;
  eventTypes: Record<string, [entry: string, schema: string]>;
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

/** Gives the routes and event types of the model the digests recorded under their files' seed keys. */
export function applySeeds(model: RouteModel, keys: ReadonlyMap<string, string>, memo: DigestSeedMemo): number {
  const seeds = new Map<string, DigestSeeds | undefined>();
  const of = (file: string): DigestSeeds | undefined => {
    if (!seeds.has(file)) {
      const key = keys.get(file);
      seeds.set(file, key === undefined ? undefined : memo.digestSeeds(key));
    }
    return seeds.get(file);
  };
  const own = <T>(record: Record<string, T> | undefined, name: string): T | undefined => (record && Object.hasOwn(record, name) ? record[name] : undefined);
  let seeded = 0;
  for (const route of model.routes) {
    const d = own(of(route.file)?.routes, route.name);
    if (d !== undefined) {
      seedDigest(route, d);
      seeded++;
    }
  }
  for (const type of model.eventTypes) {
    const d = own(of(type.file)?.eventTypes, type.name);
    if (d !== undefined) {
      seedDigest(type, d[0]);
      seedDigest(type.detailSchema, d[1]);
      seeded++;
    }
  }
  return seeded;
}

/**
 * Records the digests this run has of each file's routes and event types under the file's seed key
 * (a file whose record is there already keeps it: the same key stands for the same entries).
 */
export function recordSeeds(model: RouteModel, keys: ReadonlyMap<string, string>, memo: DigestSeedMemo): void {
  // Maps first: a name such as "__proto__" must become a key like any other.
  const byFile = new Map<string, { routes: Map<string, string>; eventTypes: Map<string, [string, string]> }>();
  const seedsOf = (file: string) => {
    let s = byFile.get(file);
    if (!s) byFile.set(file, (s = { routes: new Map(), eventTypes: new Map() }));
    return s;
  };
  for (const route of model.routes) {
    const d = knownDigest(route);
    if (d !== undefined) seedsOf(route.file).routes.set(route.name, d);
  }
  for (const type of model.eventTypes) {
    const entry = knownDigest(type);
    const schema = knownDigest(type.detailSchema);
    if (entry !== undefined && schema !== undefined) seedsOf(type.file).eventTypes.set(type.name, [entry, schema]);
  }
  for (const [file, seeds] of byFile) {
    const key = keys.get(file);
    if (key !== undefined && memo.digestSeeds(key) === undefined) memo.putDigestSeeds(key, { routes: Object.fromEntries(seeds.routes), eventTypes: Object.fromEntries(seeds.eventTypes) });
  }
}
