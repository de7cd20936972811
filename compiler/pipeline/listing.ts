// Folder trees a compile lists at every run (handlers/, generated/: a thousand folders each in a big
// project), remembered between runs the way git's untracked cache does: a folder's mtime changes
// whenever an entry is added to it, removed from it or renamed in it, so a folder whose mtime is the
// one it had when the last run listed it has the same entries, and is only stat'ed (one system call)
// instead of read (four). A folder whose mtime was within RACY_MS of that listing is read again, since
// a change in the same clock tick would have kept its mtime (and, while runs follow each other within
// RACY_MS, read without a stat at all: its mtime could not be trusted yet).
import { readdirSync, type Stats } from 'node:fs';
import { statIfExists } from '../load/text-io';
import { sep } from 'node:path';
import { RACY_MS } from './sources';

/**
 * The folders a run listed (paths relative to the tree's top, '' for the top): mtime (-1: not taken),
 * file names and folder names, each joined by '/'.
 */
export interface KnownTree {
  readAt: number;
  dirs: Record<string, [mtimeMs: number, files: string, dirs: string]>;
}

export interface TreeFilter {
  /** Whether to walk into a sub-folder (by name). */
  enter: (name: string) => boolean;
  /** Whether to list a file (by name). */
  keep: (name: string) => boolean;
}

/** Every folder walked into, every file listed. */
export const EVERY_FILE: TreeFilter = { enter: () => true, keep: () => true };

const split = (joined: string): string[] => (joined === '' ? [] : joined.split('/'));

/** Lists the files of folder trees, using and recording what the last run listed. */
export class TreeLister {
  /** What this run listed: the next run's `known`. */
  readonly listed: KnownTree;

  constructor(private readonly known?: KnownTree) {
    this.listed = { readAt: Date.now(), dirs: {} };
  }

  /** Every file under `top` that passes `filter`, by path relative to it ('/'-separated), unsorted; none when `top` is missing. */
  files(top: string, filter: TreeFilter): string[] {
    const out: string[] = [];
    this.walk(top, '', filter, out);
    return out;
  }

  /**
   * Forgets the listing of the folder holding `file` (relative to the tree's top) and of the folders
   * above it: a run that writes there after listing has them read again by the next run.
   */
  forget(file: string): void {
    for (let i = file.lastIndexOf('/'); i > 0; i = file.lastIndexOf('/', i - 1)) delete this.listed.dirs[file.slice(0, i)];
    delete this.listed.dirs[''];
  }

  private walk(abs: string, rel: string, filter: TreeFilter, out: string[]): void {
    const entry = this.entries(abs, rel);
    if (!entry) return;
    const prefix = rel === '' ? '' : `${rel}/`;
    for (const name of split(entry[1])) if (filter.keep(name)) out.push(prefix + name);
    for (const name of split(entry[2])) if (filter.enter(name)) this.walk(`${abs}${sep}${name}`, prefix + name, filter, out);
  }

  private entries(abs: string, rel: string): KnownTree['dirs'][string] | undefined {
    const known = this.known?.dirs[rel];
    let stat: Stats | undefined;
    if (known && known[0] >= 0 && known[0] < this.known!.readAt - RACY_MS) {
      stat = statIfExists(abs);
      if (!stat) return undefined;
      if (stat.isDirectory() && stat.mtimeMs === known[0]) {
        this.listed.dirs[rel] = known;
        return known;
      }
    } else if (known && this.listed.readAt - this.known!.readAt < RACY_MS) {
      // Listed a moment ago, when it was young (just written): its mtime could not be trusted yet, so
      // it is read without one (mtime -1); a run after a pause stats it, and the runs after trust it.
      return this.read(abs, rel, -1);
    }
    // The mtime before the entries: an entry added while reading changes it, and the next run reads again.
    stat ??= statIfExists(abs);
    if (!stat || !stat.isDirectory()) return undefined;
    return this.read(abs, rel, stat.mtimeMs);
  }

  private read(abs: string, rel: string, mtimeMs: number): KnownTree['dirs'][string] | undefined {
    let entries;
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return undefined; // removed meanwhile, not a folder, or unreadable: nothing listed
    }
    const files: string[] = [];
    const dirs: string[] = [];
    for (const e of entries) (e.isDirectory() ? dirs : files).push(e.name);
    const listed: KnownTree['dirs'][string] = [mtimeMs, files.join('/'), dirs.join('/')];
    this.listed.dirs[rel] = listed;
    return listed;
  }
}
