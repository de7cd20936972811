// Writes what the emitters produced. generated/ changes all-or-nothing, through a roll-forward journal:
//   1. every new or changed file is written into a staging folder beside generated/ (`.generated.staging`),
//   2. a journal listing the moves and deletions is written there and committed with an atomic rename,
//   3. the moves are applied (renames; a file being replaced is replaced atomically, its old content
//      kept as a second link in the staging folder's trash), and the staging folder, trash and all, is
//      deleted in the background.
// A crash before the commit leaves generated/ as it was (the staging folder is discarded next time);
// a crash after it is finished by the next run (`recoverGenerated`). Unchanged files are never
// rewritten. Files meant for the user (handler stubs) are created only where none exists.
import { existsSync, linkSync, mkdirSync, readdirSync, renameSync, rm, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { EVERY_FILE, TreeLister } from './listing';
import { readText, splicedSameAsBase, statIfExists, writeSpliced, writeText } from '../load/text-io';
import { contentHash } from '../emit/content-hash';
import type { GeneratedFile } from '../emit/types';

export const GENERATED_DIR = 'generated';
const STAGING_DIR = `.${GENERATED_DIR}.staging`;
const JOURNAL = 'JOURNAL.json';

export interface WriteReport {
  /** Generated files whose content changed or that are new. */
  changed: string[];
  /** Generated files that are gone (no emitter produces them any more). */
  removed: string[];
  /** Files created once for the user (handler stubs, their tests). */
  created: string[];
  unchanged: number;
  /** A stamp of every generated file as it is now on disk (for the next run's plan and fast path). */
  stamps: Record<string, OutputStamp>;
}

/**
 * What a run knows of a generated file it wrote: if size and mtime still match, the content has `hash`
 * (empty when it was not computed) and was made from `key` (see GeneratedFile.key), if it has one.
 */
export interface OutputStamp {
  size: number;
  mtimeMs: number;
  hash: string;
  key?: string;
}

/**
 * Texts of generated files this run has already read (emitters reuse the last output), by path from the
 * project root, with the size and mtime they had: a comparison with a file whose size and mtime are
 * still those uses the text instead of reading the file again.
 */
export type OutputReads = Map<string, { size: number; mtimeMs: number; content: string }>;

/** Stats of generated files (undefined: no such file), by path from the project root, as a run took them. */
export type OutputStats = Map<string, { size: number; mtimeMs: number } | undefined>;

/**
 * What a run knows beside the last stamps: the texts it read (OutputReads), the stats it took (emitters
 * ask whether a file is unchanged: the comparison uses the same stat), and generated/'s folders (see
 * listing.ts).
 */
export interface WriteMemo {
  reads?: OutputReads;
  stats?: OutputStats;
  tree?: TreeLister;
}

/** The stat of a generated file (path from the project root), taken once per run when `stats` is given. */
export function statOutput(root: string, path: string, stats?: OutputStats): { size: number; mtimeMs: number } | undefined {
  if (stats?.has(path)) return stats.get(path);
  const stat = statIfExists(`${root}${sep}${path}`);
  const taken = stat && { size: stat.size, mtimeMs: stat.mtimeMs };
  stats?.set(path, taken);
  return taken;
}

/** A file's stamp: its key when it has one, else its content hash. */
function stampOf(stat: { size: number; mtimeMs: number }, file: GeneratedFile, hash: string | undefined): OutputStamp {
  if (file.key !== undefined) return { size: stat.size, mtimeMs: stat.mtimeMs, hash: hash ?? '', key: file.key };
  return { size: stat.size, mtimeMs: stat.mtimeMs, hash: hash ?? contentHash(file.content) };
}


interface Journal {
  /** [staged file, target], relative to the project root. */
  moves: [string, string][];
  /** Files to delete, relative to the project root. */
  deletes: string[];
}

function readIfExists(path: string): string | undefined {
  try {
    return readText(path);
  } catch {
    return undefined;
  }
}

/** Generated files compared with what is on disk (paths from the project root). */
export interface Comparison {
  /** New or different files, to write. */
  changed: GeneratedFile[];
  /** Stamps of the files that are the same on disk. */
  unchanged: Record<string, OutputStamp>;
}

/**
 * Compares the `generated` files with generated/ on disk. A file whose stamp from the last run (`known`)
 * still matches its size and mtime is compared by key or hash, without reading it; any other file is read.
 */
export function compareGenerated(root: string, files: readonly GeneratedFile[], known: Readonly<Record<string, OutputStamp>> = {}, memo: Pick<WriteMemo, 'reads' | 'stats'> = {}): Comparison {
  const out: Comparison = { changed: [], unchanged: {} };
  const reads = memo.reads;
  for (const f of files) {
    if (f.ownership !== 'generated') continue;
    const full = `${root}${sep}${f.path}`; // emitters' paths are relative and normalized (checked by writeOutput)
    const stat = statOutput(root, f.path, memo.stats);
    const stamp = known[f.path];
    let same: boolean;
    let hash: string | undefined;
    // A file of another size is another file: no need to read or hash it.
    const sameAsRead = (): boolean => {
      if (Buffer.byteLength(f.content) !== stat!.size) return false;
      const read = reads?.get(f.path);
      return (read && read.size === stat!.size && read.mtimeMs === stat!.mtimeMs ? read.content : readIfExists(full)) === f.content;
    };
    if (!stat) same = false;
    // A spliced file (model.json) against the file on disk: only its new pieces are compared.
    else if (f.splice && f.splice.base.size === stat.size && f.splice.base.mtimeMs === stat.mtimeMs) same = splicedSameAsBase(full, f.splice.base, f.splice.parts);
    else if (stamp && stamp.size === stat.size && stamp.mtimeMs === stat.mtimeMs) {
      if (f.key !== undefined && stamp.key === f.key) {
        same = true;
        hash = stamp.hash || undefined;
      } else if (stamp.hash) same = (hash = contentHash(f.content)) === stamp.hash;
      else same = sameAsRead();
    } else same = sameAsRead();
    if (same) out.unchanged[f.path] = stampOf(stat!, f, hash);
    else out.changed.push(f);
  }
  return out;
}

export interface GeneratedPlan {
  /** Paths relative to generated/. */
  changed: string[];
  removed: string[];
  /** How many files are the same on disk. */
  unchanged: number;
  /** The changed files, by path from the project root. */
  contents: Map<string, GeneratedFile>;
  /** Stamps of the unchanged files (paths from the project root). */
  stamps: Record<string, OutputStamp>;
}

/** What would change in generated/, without writing: `files` compared (see compareGenerated); every other file in generated/ is removed. */
export function planGenerated(root: string, files: readonly GeneratedFile[], known: Readonly<Record<string, OutputStamp>> = {}, memo: WriteMemo = {}): GeneratedPlan {
  const { changed, unchanged: stamps } = compareGenerated(root, files, known, memo);
  const prefix = GENERATED_DIR.length + 1;
  const wanted = new Set<string>();
  for (const f of files) if (f.ownership === 'generated') wanted.add(f.path.slice(prefix));
  const removed = (memo.tree ?? new TreeLister()).files(join(root, GENERATED_DIR), EVERY_FILE).filter((rel) => !wanted.has(rel)).sort();
  // A file found "the same" through something removed (generated/events as a link to another folder) is
  // written again, in the folder that takes the link's place.
  if (removed.length > 0) {
    const gone = new Set(removed);
    const through = (rel: string): boolean => {
      for (let i = rel.indexOf('/'); i > 0; i = rel.indexOf('/', i + 1)) if (gone.has(rel.slice(0, i))) return true;
      return false;
    };
    for (const f of files) {
      if (f.ownership === 'generated' && stamps[f.path] && through(f.path.slice(prefix))) {
        delete stamps[f.path];
        changed.push(f);
      }
    }
  }
  return {
    changed: changed.map((f) => f.path.slice(prefix)).sort(),
    removed,
    unchanged: Object.keys(stamps).length,
    contents: new Map(changed.map((f) => [f.path, f])),
    stamps,
  };
}

/** mkdir -p, once per folder in a run (thousands of files share few folders). */
class DirMaker {
  private readonly made = new Set<string>();

  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }
}

/** Trash of earlier writes: `.generated.trash.<pid>.<time>` (see discard). */
const TRASH_PREFIX = `.${GENERATED_DIR}.trash.`;
const TRASH = 'trash';

/** Finishes a committed journal left by an interrupted run, or discards uncommitted staging; removes old trash. */
export function recoverGenerated(root: string): void {
  for (const name of readdirSync(root)) if (name.startsWith(TRASH_PREFIX)) rmSync(join(root, name), { recursive: true, force: true });
  const staging = join(root, STAGING_DIR);
  if (!existsSync(staging)) return;
  const journal = readIfExists(join(staging, JOURNAL));
  if (journal !== undefined) applyJournal(root, JSON.parse(journal) as Journal);
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Moves a file out of the way into the staging folder's trash (when there is one), else deletes it.
 * Replacing or deleting a file on the spot costs its file system work at once (ext4 frees the old blocks,
 * and writes out the new file that replaces it: about 5 ms for a 6 MB model.json here); trash is deleted
 * after the write, off the main thread (see discard).
 */
function remove(path: string, trash: string | undefined, n: number): void {
  if (trash !== undefined) {
    try {
      renameSync(path, join(trash, String(n)));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    }
  }
  rmSync(path, { force: true });
}

/**
 * Keeps a file about to be replaced by a rename as a second link in the trash: the rename then replaces it
 * atomically (a reader of the path, an editor or `tsc --watch`, finds the old file or the new one, never
 * none) and stays cheap, since the file system frees the old blocks (and ext4 first writes out the new
 * file) only when a rename drops the last link of the file it replaces. What cannot be linked (a folder
 * where a file goes, a file system without hard links) is moved out of the way instead.
 */
function keepReplaced(path: string, trash: string, n: number): void {
  try {
    linkSync(path, join(trash, String(n)));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Nothing there; or linked by an earlier, interrupted apply of this journal (the rename replaces it then).
    if (code !== 'ENOENT' && code !== 'EEXIST') remove(path, trash, n);
  }
}

/**
 * Applies a committed journal: deletions first (a stray file or link where a folder of the new files
 * goes, e.g. generated/events linked elsewhere, is removed before anything is moved there, so that
 * nothing is written through it), then the moves.
 */
function applyJournal(root: string, journal: Journal): void {
  const trash = join(root, STAGING_DIR, TRASH);
  const hasTrash = existsSync(trash);
  let n = 0;
  const emptied = new Set<string>();
  for (const rel of journal.deletes) {
    remove(join(root, rel), hasTrash ? trash : undefined, n++);
    emptied.add(dirname(join(root, rel)));
  }
  // Remove folders the deletions left empty (deepest first), up to generated/ itself.
  const top = join(root, GENERATED_DIR);
  for (const dir of [...emptied].sort((a, b) => b.length - a.length)) {
    for (let d = dir; d.startsWith(top) && d !== top; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break; // not empty
      }
    }
  }
  const dirs = new DirMaker();
  for (const [staged, target] of journal.moves) {
    const from = join(root, staged);
    if (!existsSync(from)) continue; // already moved by an earlier, interrupted apply
    const to = join(root, target);
    dirs.ensure(dirname(to));
    if (hasTrash) keepReplaced(to, trash, n++);
    renameSync(from, to);
  }
}

/**
 * Ends a write: the journal is removed (the write is complete), and the staging folder, with the trash
 * of replaced files, is renamed to a name of its own and deleted in the background (libuv's threads);
 * what an interrupted deletion leaves is removed by the next write (recoverGenerated).
 */
function discard(root: string, staging: string): void {
  rmSync(join(staging, JOURNAL), { force: true });
  const trash = join(root, `${TRASH_PREFIX}${process.pid}.${Date.now()}`);
  try {
    renameSync(staging, trash);
  } catch {
    rmSync(staging, { recursive: true, force: true });
    return;
  }
  rm(trash, { recursive: true, force: true }, () => {});
}

/** Writes `files`; `known` are the stamps the last run left (see planGenerated). */
export function writeOutput(root: string, files: readonly GeneratedFile[], known: Readonly<Record<string, OutputStamp>> = {}, memo: WriteMemo = {}): WriteReport {
  for (const f of files) {
    if (f.ownership === 'generated' && (!f.path.startsWith(`${GENERATED_DIR}/`) || f.path.split('/').includes('..'))) throw new Error(`generated file outside ${GENERATED_DIR}/: ${f.path}`);
  }
  recoverGenerated(root);
  const plan = planGenerated(root, files, known, memo);
  const report: WriteReport = {
    changed: plan.changed.map((p) => `${GENERATED_DIR}/${p}`),
    removed: plan.removed.map((p) => `${GENERATED_DIR}/${p}`),
    created: [],
    unchanged: plan.unchanged,
    stamps: plan.stamps,
  };

  if (report.changed.length > 0 || report.removed.length > 0) {
    const staging = join(root, STAGING_DIR);
    mkdirSync(join(staging, TRASH), { recursive: true });
    const dirs = new DirMaker();
    const byPath = plan.contents;
    const moves: [string, string][] = report.changed.map((path) => {
      // Staged under the same relative path, so that a cold compile's folders are made only once.
      const staged = `${STAGING_DIR}/files/${path.slice(GENERATED_DIR.length + 1)}`;
      dirs.ensure(dirname(join(root, staged)));
      const file = byPath.get(path)!;
      // A spliced file (model.json) copies the bytes it shares with the file it replaces, still in place.
      if (!file.splice || !writeSpliced(join(root, staged), join(root, path), file.splice.base, file.splice.parts)) writeText(join(root, staged), file.content);
      return [staged, path] as [string, string];
    });
    // A first compile moves the whole staged tree into place with one rename.
    const fresh = !existsSync(join(root, GENERATED_DIR));
    const journal: Journal = fresh ? { moves: [[`${STAGING_DIR}/files`, GENERATED_DIR]], deletes: [] } : { moves, deletes: report.removed };
    writeFileSync(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
    renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL)); // the commit point
    applyJournal(root, journal);
    discard(root, staging);
    for (const path of report.changed) {
      const stat = statSync(join(root, path), { throwIfNoEntry: false });
      if (stat) report.stamps[path] = stampOf(stat, byPath.get(path)!, undefined);
    }
  }

  const dirs = new DirMaker();
  for (const f of files) {
    if (f.ownership !== 'once') continue;
    const full = join(root, f.path);
    dirs.ensure(dirname(full));
    try {
      writeText(full, f.content, 'wx'); // never replaces a file the user may have edited
      report.created.push(f.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return report;
}

