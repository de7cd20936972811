// Handlers without a route: files under handlers/ that no Lambda target or queue consumer uses.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { RouteModel } from '../model/types';

export const HANDLERS_DIR = 'handlers';

function handlerFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && entry.name !== 'lib' && entry.name !== 'shared') out.push(...handlerFiles(join(dir, entry.name), rel));
    } else if (/\.ts$/.test(entry.name) && !/\.(test|spec|d)\.ts$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every handler source file (relative to handlers/), sorted. */
export function handlerFileList(root: string): string[] {
  return handlerFiles(join(root, HANDLERS_DIR)).sort();
}

/** ER8001 for every handler file no function uses. Folders named lib/ or shared/ hold shared code. */
export function findOrphanHandlers(root: string, model: RouteModel): Diagnostic[] {
  const used = new Set(model.functions.map((f) => f.entry));
  return handlerFiles(join(root, HANDLERS_DIR))
    .map((rel) => `${HANDLERS_DIR}/${rel}`)
    .filter((path) => !used.has(path))
    .sort()
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
