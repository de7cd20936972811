// `compile` as a function: check, emit every file, write generated/ and the missing handler stubs.
import type { Diagnostic } from '../diagnostics/diagnostic';
import { emitAll } from '../emit';
import { runCheck } from './check';
import { writeOutput, type WriteReport } from './write-output';
import { findOrphanHandlers } from './orphans';

export interface CompileStats {
  files: number;
  eventTypes: number;
  routes: number;
  targets: number;
  functions: number;
}

export interface CompileOutcome {
  diagnostics: Diagnostic[];
  errorCount: number;
  stats: CompileStats;
  /** Undefined when there were errors (nothing was written). */
  write?: WriteReport;
  /** True when nothing changed since the last compile and the cache answered. */
  cached: boolean;
}

export async function compileProject(root: string): Promise<CompileOutcome> {
  const check = runCheck(root);
  const m = check.model;
  const stats: CompileStats = {
    files: check.files.length,
    eventTypes: m.eventTypes.length,
    routes: m.routes.length,
    targets: m.routes.reduce((n, r) => n + r.targets.length, 0),
    functions: m.functions.length,
  };
  if (check.errorCount > 0) return { diagnostics: check.diagnostics, errorCount: check.errorCount, stats, cached: false };
  const files = await emitAll(m, { routeFiles: check.files.map((f) => f.path) });
  const write = writeOutput(root, files);
  const diagnostics = [...check.diagnostics, ...findOrphanHandlers(root, m)];
  return { diagnostics, errorCount: 0, stats, write, cached: false };
}
