// The files under handlers/: which exist (for the compile key and the stubs not to render again), and
// which are handlers without a route (orphans, ER8001).
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { RouteModel } from '../model/types';

export const HANDLERS_DIR = 'handlers';

function tsFiles(dir: string, prefix: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // no such folder (yet)
  }
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) tsFiles(`${dir}${sep}${entry.name}`, rel, out);
    } else if (entry.name.endsWith('.ts')) out.push(rel);
  }
}

/** Every TypeScript file under handlers/ (relative to it, tests included), sorted. */
export function handlerFileList(root: string): string[] {
  const out: string[] = [];
  tsFiles(join(root, HANDLERS_DIR), '', out);
  return out.sort();
}

/** Shared code lives in folders named lib/ or shared/; tests and declarations are not handlers. */
function isHandlerSource(rel: string): boolean {
  return !/\.(test|spec|d)\.ts$/.test(rel) && !rel.split('/').slice(0, -1).some((dir) => dir === 'lib' || dir === 'shared');
}

/** ER8001 for every handler file no function uses. */
export function findOrphanHandlers(model: RouteModel, files: readonly string[]): Diagnostic[] {
  const used = new Set(model.functions.map((f) => f.entry));
  return files
    .filter(isHandlerSource)
    .map((rel) => `${HANDLERS_DIR}/${rel}`)
    .filter((path) => !used.has(path))
    .map((path) => ({
      code: 'ER8001',
      severity: 'warning' as const,
      file: path,
      line: 1,
      column: 1,
      pointer: '',
      message: `${path} is not the handler of any route or queue`,
      hint: `delete it, or use it again with \`lambda: ${path.slice(HANDLERS_DIR.length + 1, -3)}\` (shared code belongs in handlers/lib/)`,
    }));
}
