// Reading a project's route files (the first step of every command): listed, read and hashed. Kept
// apart from the checks so that a no-change compile loads no parser.
import type { Diagnostic } from '../diagnostics/diagnostic';
import { listRouteFiles, readSourceFile, type SourceFile } from '../load/source-files';

export const ROUTES_DIR = 'routes';

/** The route files of a project, read and hashed (the first step of every command). */
export interface ProjectSources {
  files: SourceFile[];
  /** Problems reading the folder or files. */
  diagnostics: Diagnostic[];
}

export function readProject(root: string): ProjectSources {
  const diagnostics: Diagnostic[] = [];
  const listed = listRouteFiles(root, ROUTES_DIR);
  if (listed.error) {
    diagnostics.push({ code: 'ER1009', severity: 'error', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: `cannot read the routes folder: ${listed.error}`, hint: `create ${ROUTES_DIR}/ with one .yaml file per team or domain` });
  } else if (listed.files.length === 0) {
    diagnostics.push({ code: 'ER1011', severity: 'warning', file: ROUTES_DIR, line: 1, column: 1, pointer: '', message: 'no route files (.yaml, .yml) found', hint: `add route files under ${ROUTES_DIR}/ (see ${ROUTES_DIR}/README.md)` });
  }
  const files: SourceFile[] = [];
  for (const path of listed.files) {
    const read = readSourceFile(root, path);
    if (read.ok) files.push(read.file);
    else diagnostics.push({ code: read.code, severity: 'error', file: path, line: read.line ?? 1, column: read.column ?? 1, pointer: '', message: read.message, hint: read.hint });
  }
  return { files, diagnostics };
}

