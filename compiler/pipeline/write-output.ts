// Writes what the emitters produced. generated/ changes all-or-nothing, through a roll-forward journal:
//   1. every new or changed file is written into a staging folder beside generated/ (`.generated.staging`),
//   2. a journal listing the moves and deletions is written there and committed with an atomic rename,
//   3. the moves are applied (renames) and the staging folder removed.
// A crash before the commit leaves generated/ as it was (the staging folder is discarded next time);
// a crash after it is finished by the next run (`recoverGenerated`). Unchanged files are never
// rewritten. Files meant for the user (handler stubs) are created only where none exists.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
}

interface Journal {
  /** [staged file, target], relative to the project root. */
  moves: [string, string][];
  /** Files to delete, relative to the project root. */
  deletes: string[];
}

function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out;
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** What would change in generated/ (paths relative to it), without writing. */
export function planGenerated(root: string, files: readonly GeneratedFile[]): { changed: string[]; removed: string[]; unchanged: string[] } {
  const dir = join(root, GENERATED_DIR);
  const wanted = new Map(files.filter((f) => f.ownership === 'generated').map((f) => [f.path.slice(GENERATED_DIR.length + 1), f.content]));
  const existing = listFiles(dir);
  const changed: string[] = [];
  const unchanged: string[] = [];
  for (const [rel, content] of wanted) (readIfExists(join(dir, rel)) === content ? unchanged : changed).push(rel);
  const removed = existing.filter((rel) => !wanted.has(rel));
  return { changed: changed.sort(), removed: removed.sort(), unchanged: unchanged.sort() };
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

/** Finishes a committed journal left by an interrupted run, or discards uncommitted staging. */
export function recoverGenerated(root: string): void {
  const staging = join(root, STAGING_DIR);
  if (!existsSync(staging)) return;
  const journal = readIfExists(join(staging, JOURNAL));
  if (journal !== undefined) applyJournal(root, JSON.parse(journal) as Journal);
  rmSync(staging, { recursive: true, force: true });
}

function applyJournal(root: string, journal: Journal): void {
  const dirs = new DirMaker();
  for (const [staged, target] of journal.moves) {
    const from = join(root, staged);
    if (!existsSync(from)) continue; // already moved by an earlier, interrupted apply
    dirs.ensure(dirname(join(root, target)));
    renameSync(from, join(root, target));
  }
  const emptied = new Set<string>();
  for (const rel of journal.deletes) {
    rmSync(join(root, rel), { force: true });
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
}

export function writeOutput(root: string, files: readonly GeneratedFile[]): WriteReport {
  for (const f of files) {
    if (f.ownership === 'generated' && !f.path.startsWith(`${GENERATED_DIR}/`)) throw new Error(`generated file outside ${GENERATED_DIR}/: ${f.path}`);
  }
  recoverGenerated(root);
  const plan = planGenerated(root, files);
  const report: WriteReport = { changed: plan.changed.map((p) => `${GENERATED_DIR}/${p}`), removed: plan.removed.map((p) => `${GENERATED_DIR}/${p}`), created: [], unchanged: plan.unchanged.length };

  if (report.changed.length > 0 || report.removed.length > 0) {
    const staging = join(root, STAGING_DIR);
    mkdirSync(staging, { recursive: true });
    const dirs = new DirMaker();
    const byPath = new Map(files.map((f) => [f.path, f.content]));
    const moves: [string, string][] = report.changed.map((path) => {
      // Staged under the same relative path, so that a cold compile's folders are made only once.
      const staged = `${STAGING_DIR}/files/${path.slice(GENERATED_DIR.length + 1)}`;
      dirs.ensure(dirname(join(root, staged)));
      writeFileSync(join(root, staged), byPath.get(path)!);
      return [staged, path] as [string, string];
    });
    // A first compile moves the whole staged tree into place with one rename.
    const fresh = !existsSync(join(root, GENERATED_DIR));
    const journal: Journal = fresh ? { moves: [[`${STAGING_DIR}/files`, GENERATED_DIR]], deletes: [] } : { moves, deletes: report.removed };
    writeFileSync(join(staging, `${JOURNAL}.tmp`), JSON.stringify(journal));
    renameSync(join(staging, `${JOURNAL}.tmp`), join(staging, JOURNAL)); // the commit point
    applyJournal(root, journal);
    rmSync(staging, { recursive: true, force: true });
  }

  const dirs = new DirMaker();
  for (const f of files) {
    if (f.ownership !== 'once') continue;
    const full = join(root, f.path);
    dirs.ensure(dirname(full));
    try {
      writeFileSync(full, f.content, { flag: 'wx' }); // never replaces a file the user may have edited
      report.created.push(f.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return report;
}

