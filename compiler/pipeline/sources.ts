// Reading a project's route files (the first step of every command): listed, read and hashed. Kept
// apart from the checks so that a no-change compile loads no parser.
//
// A compile passes what the last run read (KnownSources): a file whose size and mtime are the same,
// and whose mtime was already old when it was read, has the same content (as git trusts its index);
// it is not read again unless its text is asked for. A file changed within RACY_MS of being read
// could have kept its mtime (file systems stamp coarsely), so it is always read again.
import type { Diagnostic } from '../diagnostics/diagnostic';
import { existsSync } from 'node:fs';
import { statIfExists } from '../load/text-io';
import { dirname, join, resolve } from 'node:path';
import { listRouteFiles, projectPath, readSourceFile, type SourceFile } from '../load/source-files';

export const ROUTES_DIR = 'routes';

/** The route files of a project, read and hashed (the first step of every command). */
export interface ProjectSources {
  files: SourceFile[];
  /** Problems reading the folder or files. */
  diagnostics: Diagnostic[];
}

/** What a run read: each route file's size, mtime and content hash, and when it read them. */
export interface KnownSources {
  readAt: number;
  files: Record<string, [size: number, mtimeMs: number, hash: string]>;
}

/** How much older than its reading a file's mtime must be for its stamp to be trusted. */
export const RACY_MS = 3000;

/** The route files of a project, read and hashed; `known`: what the last run read (see above). */
export function readProject(root: string, known?: KnownSources): ProjectSources {
  const diagnostics: Diagnostic[] = [];
  const listed = listRouteFiles(root, ROUTES_DIR);
  if (listed.error) {
    const missing = !existsSync(join(root, ROUTES_DIR));
    const above = missing ? projectAbove(root) : undefined;
    diagnostics.push({
      code: 'ER1009',
      severity: 'error',
      file: ROUTES_DIR,
      line: 1,
      column: 1,
      pointer: '',
      message: missing ? `there is no ${ROUTES_DIR}/ folder in ${root}` : `cannot read the routes folder: ${listed.error}`,
      hint: above ? `run eventroutes from ${above} (the folder that holds ${ROUTES_DIR}/), or create ${ROUTES_DIR}/ here` : `create ${ROUTES_DIR}/ with one .yaml file per team or domain`,
    });
  } else if (listed.files.length === 0) {
    diagnostics.push({ code: 'ER1011', severity: 'warning', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: 'no route files (.yaml, .yml) found', hint: `add route files under ${ROUTES_DIR}/ (see ${ROUTES_DIR}/README.md)` });
  }
  const files: SourceFile[] = [];
  for (const path of listed.files) {
    const seen = known?.files[path];
    if (seen && seen[1] < known!.readAt - RACY_MS) {
      const s = statIfExists(projectPath(root, path));
      if (s && s.size === seen[0] && s.mtimeMs === seen[1]) {
        files.push(knownFile(root, path, seen[2], { size: s.size, mtimeMs: s.mtimeMs }));
        continue;
      }
    }
    const read = readSourceFile(root, path);
    if (read.ok) files.push(read.file);
    else diagnostics.push({ code: read.code, severity: 'error', file: path, line: read.line ?? 1, column: read.column ?? 1, pointer: '', message: read.message, hint: read.hint });
  }
  return { files, diagnostics };
}


/** The nearest folder above `root` that holds a routes/ folder (eventroutes run from inside a project). */
function projectAbove(root: string): string | undefined {
  for (let dir = dirname(resolve(root)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, ROUTES_DIR))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A route file the last run read, unchanged since: its text is read when first asked for. */
function knownFile(root: string, path: string, hash: string, stamp: SourceFile['stamp']): SourceFile {
  let text: string | undefined;
  return {
    path,
    hash,
    stamp,
    get text(): string {
      if (text === undefined) {
        const read = readSourceFile(root, path);
        text = read.ok ? read.file.text : '';
      }
      return text;
    },
  };
}

/** What this run read, for the next one (files read with a stamp). */
export function knownSources(sources: ProjectSources, readAt: number): KnownSources {
  const files: KnownSources['files'] = {};
  for (const f of sources.files) if (f.stamp) files[f.path] = [f.stamp.size, f.stamp.mtimeMs, f.hash];
  return { readAt, files };
}
