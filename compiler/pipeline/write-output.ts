// Writes what the emitters produced. generated/ is replaced all-or-nothing: the new tree is built in a
// temporary folder beside it (unchanged files hard-linked, so they are not rewritten), then swapped in
// with two renames. Files meant for the user (handler stubs) are created only where none exists.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from '../emit/types';

export const GENERATED_DIR = 'generated';

export interface WriteReport {
  /** Generated files whose content changed or that are new. */
  changed: string[];
  /** Generated files that are gone (no emitter produces them any more). */
  removed: string[];
  /** Files created once for the user (handler stubs, their tests). */
  created: string[];
  unchanged: number;
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

/** What would change, without writing: used by `check --drift` style callers and the cache. */
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

export function writeOutput(root: string, files: readonly GeneratedFile[]): WriteReport {
  for (const f of files) {
    if (f.ownership === 'generated' && !f.path.startsWith(`${GENERATED_DIR}/`)) throw new Error(`generated file outside ${GENERATED_DIR}/: ${f.path}`);
  }
  const plan = planGenerated(root, files);
  const report: WriteReport = { changed: plan.changed.map((p) => `${GENERATED_DIR}/${p}`), removed: plan.removed.map((p) => `${GENERATED_DIR}/${p}`), created: [], unchanged: plan.unchanged.length };

  if (plan.changed.length > 0 || plan.removed.length > 0) swapGenerated(root, files, new Set(plan.unchanged));

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

/** mkdir -p, once per folder in a run (thousands of files share few folders). */
class DirMaker {
  private readonly made = new Set<string>();

  ensure(dir: string): void {
    if (this.made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    this.made.add(dir);
  }
}

function swapGenerated(root: string, files: readonly GeneratedFile[], unchanged: Set<string>): void {
  const dir = join(root, GENERATED_DIR);
  const tmp = join(root, `.${GENERATED_DIR}.tmp-${process.pid}`);
  const old = join(root, `.${GENERATED_DIR}.old-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  const dirs = new DirMaker();
  try {
    for (const f of files) {
      if (f.ownership !== 'generated') continue;
      const rel = f.path.slice(GENERATED_DIR.length + 1);
      const target = join(tmp, rel);
      dirs.ensure(dirname(target));
      if (unchanged.has(rel)) {
        try {
          linkSync(join(dir, rel), target);
          continue;
        } catch {
          copyFileSync(join(dir, rel), target);
          continue;
        }
      }
      writeFileSync(target, f.content);
    }
    if (existsSync(dir)) renameSync(dir, old);
    renameSync(tmp, dir);
  } catch (err) {
    // Leave generated/ as it was: put the old tree back if it was moved.
    if (!existsSync(dir) && existsSync(old)) renameSync(old, dir);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
