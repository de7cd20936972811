// The files under handlers/: which exist (for the compile key and the stubs not to render again), and
// which are handlers without a route (orphans, ER8001).
import { join } from 'node:path';
import { TreeLister, type TreeFilter } from './listing';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { RouteModel } from '../model/types';

export const HANDLERS_DIR = 'handlers';

/** What a listing of handlers/ takes: TypeScript files, outside node_modules/ and hidden folders. */
const HANDLER_TREE: TreeFilter = { enter: (name) => name !== 'node_modules' && !name.startsWith('.'), keep: (name) => name.endsWith('.ts') };

/** Every TypeScript file under handlers/ (relative to it, tests included), sorted; `lister` remembers the folders between runs. */
export function handlerFileList(root: string, lister: TreeLister = new TreeLister()): string[] {
  return lister.files(join(root, HANDLERS_DIR), HANDLER_TREE).sort();
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
