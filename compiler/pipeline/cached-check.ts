// `check` and `test` over the compile cache: the per-file results and memos of earlier runs (compile's,
// or their own) are reused and brought up to date, so that a check after an edit costs what a
// recompile's checks cost, not a cold run (in a project of 500 route files: about a fifth). When
// nothing changed since the last successful compile, `check` answers from its record, as a no-change
// compile does. The record itself (its outputs, for compile's no-change fast path) is left as it is,
// and nothing is written outside the cache folder: never generated/ or handlers/.
import type { Diagnostic } from '../diagnostics/diagnostic';
import { CompileCache, runKey } from './cache';
import { runCheck, type CheckResult } from './check';
import { projectCounts, type ProjectCounts } from './counts';
import { TreeLister } from './listing';
import { handlerFileList } from './orphans';
import { readProject } from './sources';

/**
 * runCheck with the cache of compiler build `build` (undefined: no cache, as when run from the sources),
 * with the result of every route test (for `test`).
 */
export async function runCachedCheck(root: string, build: string | undefined): Promise<CheckResult> {
  const cache = build === undefined ? undefined : CompileCache.open(root, build);
  const result = await runCheck(root, { cache, sources: readProject(root, cache?.lastRun?.sources), allRouteTests: true });
  cache?.saveMemo();
  return result;
}

/** What `check` reports: its diagnostics, and what the route files declare. */
export interface CheckReport extends ProjectCounts {
  diagnostics: Diagnostic[];
  errorCount: number;
}

/** `check`: from the last successful compile's record when the input is unchanged since, else runCachedCheck's way. */
export async function checkProject(root: string, build: string | undefined): Promise<CheckReport> {
  const cache = build === undefined ? undefined : CompileCache.open(root, build);
  const last = cache?.lastRun;
  const sources = readProject(root, last?.sources);
  if (last?.checkDiagnostics && sources.diagnostics.length === 0) {
    const handlers = handlerFileList(root, new TreeLister(last.trees?.handlers));
    // A successful compile's input has no errors; its summary holds the counts.
    if (runKey(root, build!, sources, last.schemaFiles, handlers) === last.key) return { ...(last.summary as ProjectCounts), diagnostics: last.checkDiagnostics, errorCount: 0 };
  }
  const result = await runCheck(root, { cache, sources });
  cache?.saveMemo();
  return { ...projectCounts(result), diagnostics: result.diagnostics, errorCount: result.errorCount };
}
